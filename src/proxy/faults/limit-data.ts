import { z } from 'zod';
import { defineFault } from './define.js';

export const limitData = defineFault({
  type: 'limit_data',
  summary: 'Closes the connection once bytes bytes went through (in HTTP mode: bytes of the body)',
  level: 'stream',
  streams: ['downstream', 'upstream'],
  attributes: z.strictObject({
    bytes: z.number().int().min(0),
  }),
  stage(attributes, link) {
    let sent = 0;
    return {
      async write(chunk, push) {
        if (chunk.isHead) return push(chunk);
        const allowed = Math.max(0, attributes.bytes - sent);
        if (allowed > 0) await push(allowed < chunk.data.length ? { ...chunk, data: chunk.data.subarray(0, allowed) } : chunk);
        sent += Math.min(allowed, chunk.data.length);
        if (sent >= attributes.bytes) link.close();
      },
    };
  },
});
