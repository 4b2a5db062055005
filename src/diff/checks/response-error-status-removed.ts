import { defineDiffCheck } from '../define.js';
import { statusChanges } from '../status-changes.js';

export const responseErrorStatusRemoved = defineDiffCheck({
  id: 'diff.response-error-status-removed',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Error response no longer documented',
  remedy: 'Check that the server really stops returning it; clients keep their handling.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const response of statusChanges(pair).removedOther) {
        yield { operation: pair.new.key, oldPointer: response.pointer, anchor: `${pair.new.pointer}/responses`, detail: `response ${response.status} is no longer documented.` };
      }
    }
  },
});
