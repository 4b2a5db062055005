import { defineDiffCheck } from '../define.js';
import { statusChanges } from '../status-changes.js';

export const responseErrorStatusAdded = defineDiffCheck({
  id: 'diff.response-error-status-added',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Error response added',
  remedy: 'Document when it is returned, so clients can handle it.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const response of statusChanges(pair).addedOther) {
        yield { operation: pair.new.key, newPointer: response.pointer, detail: `response ${response.status} was added.` };
      }
    }
  },
});
