import { z } from 'zod';
import { sleep } from '../abortable-sleep.js';
import { defineFault } from './define.js';

export const slicer = defineFault({
  type: 'slicer',
  summary: 'Cuts data into pieces of average_size ± size_variation bytes, delay microseconds apart',
  level: 'stream',
  streams: ['downstream', 'upstream'],
  attributes: z
    .strictObject({
      average_size: z.number().int().min(1).max(1_048_576),
      size_variation: z.number().int().min(0).default(0),
      delay: z.number().int().min(0).max(10_000_000).default(0),
    })
    .refine((a) => a.size_variation < a.average_size, { message: 'size_variation must be smaller than average_size', path: ['size_variation'] }),
  stage(attributes, link) {
    return {
      async write(chunk, push) {
        if (chunk.isHead) return push(chunk);
        let offset = 0;
        while (offset < chunk.data.length) {
          const variation = Math.round((Math.random() * 2 - 1) * attributes.size_variation);
          const size = Math.max(1, attributes.average_size + variation);
          await push({ ...chunk, data: chunk.data.subarray(offset, offset + size) });
          offset += size;
          if (offset < chunk.data.length) await sleep(attributes.delay / 1000, link.signal);
        }
      },
    };
  },
});
