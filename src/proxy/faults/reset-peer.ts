import { z } from 'zod';
import { defineFault } from './define.js';

export const resetPeer = defineFault({
  type: 'reset_peer',
  summary: 'Resets the client connection (TCP RST) when data first reaches it, or timeout ms after the fault starts',
  level: 'stream',
  streams: ['downstream', 'upstream'],
  attributes: z.strictObject({
    timeout: z.number().int().min(0).max(3_600_000).default(0),
  }),
  stage(attributes, link) {
    // upstream: the dependency never sees the request; downstream: it did the work, and the answer is lost.
    const timer = attributes.timeout > 0 ? setTimeout(() => link.reset(), attributes.timeout) : undefined;
    return {
      async write(chunk, push) {
        if (attributes.timeout === 0) return link.reset();
        await push(chunk);
      },
      dispose: () => clearTimeout(timer),
    };
  },
});
