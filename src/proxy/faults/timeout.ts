import { z } from 'zod';
import { held } from '../abortable-sleep.js';
import { defineFault } from './define.js';

export const timeout = defineFault({
  type: 'timeout',
  summary: 'Black hole: lets nothing through, and closes the connection after timeout ms (0: never)',
  level: 'stream',
  streams: ['downstream', 'upstream'],
  attributes: z.strictObject({
    timeout: z.number().int().min(0).max(3_600_000).default(0),
  }),
  stage(attributes, link) {
    const timer = attributes.timeout > 0 ? setTimeout(() => link.close(), attributes.timeout) : undefined;
    const endHeld = held(link.signal);
    return {
      // Dropped, as Toxiproxy does: what the black hole swallowed is gone even after it is lifted.
      write: async () => {},
      end: () => endHeld.promise,
      dispose() {
        clearTimeout(timer);
        // An HTTP message whose head or body was swallowed can never complete, so its connection goes.
        if (link.mode === 'http') link.close();
        endHeld.release();
      },
    };
  },
});
