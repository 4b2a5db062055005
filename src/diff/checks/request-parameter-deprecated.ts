import { defineDiffCheck } from '../define.js';
import { describeParameter } from '../parameter-sunset.js';

export const requestParameterDeprecated = defineDiffCheck({
  id: 'diff.request-parameter-deprecated',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Request parameter deprecated',
  remedy: 'Give it a sunset date and tell clients what replaces it.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const { old, new: now } of ctx.parameters(pair).pairs) {
        if (old.deprecated || !now.deprecated) continue;
        yield { operation: pair.new.key, oldPointer: old.pointer, newPointer: now.pointer, detail: `${describeParameter(now)} is now deprecated.` };
      }
    }
  },
});
