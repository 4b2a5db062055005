import { defineDiffCheck } from '../define.js';
import { describeParameter } from '../parameter-sunset.js';

export const requestParameterBecameOptional = defineDiffCheck({
  id: 'diff.request-parameter-became-optional',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Request parameter became optional',
  remedy: 'Nothing breaks; document the default the server applies.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const { old, new: now } of ctx.parameters(pair).pairs) {
        if (!old.required || now.required) continue;
        yield { operation: pair.new.key, oldPointer: old.pointer, newPointer: now.pointer, detail: `${describeParameter(now)} is now optional.` };
      }
    }
  },
});
