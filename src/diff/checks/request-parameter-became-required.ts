import { defineDiffCheck } from '../define.js';
import { describeParameter } from '../parameter-sunset.js';

export const requestParameterBecameRequired = defineDiffCheck({
  id: 'diff.request-parameter-became-required',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request parameter became required',
  remedy: 'Keep it optional with a server-side default, or ship the change in a new major version.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const { old, new: now } of ctx.parameters(pair).pairs) {
        if (old.required || !now.required) continue;
        yield { operation: pair.new.key, oldPointer: old.pointer, newPointer: now.pointer, detail: `${describeParameter(now)} is now required; requests that omit it are rejected.` };
      }
    }
  },
});
