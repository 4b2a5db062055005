import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { sleep } from '../abortable-sleep.js';
import { defineFault } from './define.js';

const maxMs = 600_000;

export const latency = defineFault({
  type: 'latency',
  summary: 'Delays every chunk by latency ± jitter milliseconds (in HTTP mode the head too)',
  level: 'stream',
  streams: ['downstream', 'upstream'],
  attributes: z.strictObject({
    latency: z.number().int().min(0).max(maxMs).default(0),
    jitter: z.number().int().min(0).max(maxMs).default(0),
  }),
  stage(attributes, link) {
    return {
      async write(chunk, push) {
        const jitterMs = attributes.jitter === 0 ? 0 : (Math.random() * 2 - 1) * attributes.jitter;
        // Counted from when the chunk arrived, so chunks queued behind a delayed one are not delayed twice.
        await sleep(chunk.arrivedAt + Math.max(0, attributes.latency + jitterMs) - performance.now(), link.signal);
        await push(chunk);
      },
    };
  },
});
