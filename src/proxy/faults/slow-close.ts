import { z } from 'zod';
import { sleep } from '../abortable-sleep.js';
import { defineFault } from './define.js';

export const slowClose = defineFault({
  type: 'slow_close',
  summary: 'Holds the end of the stream (the connection close, or in HTTP mode the end of the message) for delay ms',
  level: 'stream',
  streams: ['downstream', 'upstream'],
  attributes: z.strictObject({
    delay: z.number().int().min(0).max(600_000),
  }),
  stage(attributes, link) {
    return {
      write: (chunk, push) => push(chunk),
      end: () => sleep(attributes.delay, link.signal),
    };
  },
});
