import { defineDiffCheck } from '../define.js';
import { statusChanges } from '../status-changes.js';

export const responseSuccessStatusAdded = defineDiffCheck({
  id: 'diff.response-success-status-added',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Success response added',
  remedy: 'Tell clients when the new status is returned; those that only accept the old one may treat it as an error.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const changes = statusChanges(pair);
      if (changes.removedSuccess.length > 0) continue;
      for (const response of changes.addedSuccess) {
        yield { operation: pair.new.key, newPointer: response.pointer, detail: `response ${response.status} was added.` };
      }
    }
  },
});
