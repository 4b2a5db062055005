import { z } from 'zod';
import { sleep } from '../abortable-sleep.js';
import { defineFault } from './define.js';

// Small slices keep the flow even: a 64 KiB chunk at 10 KB/s would otherwise arrive as one burst after 6 s.
const sliceMs = 50;

export const bandwidth = defineFault({
  type: 'bandwidth',
  summary: 'Limits the flow to rate KB/s (1 KB = 1024 bytes)',
  level: 'stream',
  streams: ['downstream', 'upstream'],
  attributes: z.strictObject({
    rate: z.number().int().min(1).max(10_000_000),
  }),
  stage(attributes, link) {
    const bytesPerMs = (attributes.rate * 1024) / 1000;
    const sliceBytes = Math.max(1, Math.floor(bytesPerMs * sliceMs));
    return {
      async write(chunk, push) {
        if (chunk.isHead || chunk.data.length === 0) return push(chunk);
        for (let offset = 0; offset < chunk.data.length; offset += sliceBytes) {
          const slice = chunk.data.subarray(offset, offset + sliceBytes);
          await push({ ...chunk, data: slice });
          await sleep(slice.length / bytesPerMs, link.signal);
        }
      },
    };
  },
});
