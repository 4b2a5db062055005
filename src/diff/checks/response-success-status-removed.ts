import { defineDiffCheck } from '../define.js';
import { statusChanges } from '../status-changes.js';

export const responseSuccessStatusRemoved = defineDiffCheck({
  id: 'diff.response-success-status-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Success response removed',
  remedy: 'Keep documenting (and returning) the success status clients handle, or ship the change in a new major version.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const changes = statusChanges(pair);
      if (changes.addedSuccess.length > 0) continue;
      for (const response of changes.removedSuccess) {
        yield { operation: pair.new.key, oldPointer: response.pointer, anchor: `${pair.new.pointer}/responses`, detail: `response ${response.status} was removed and no other success response replaces it.` };
      }
    }
  },
});
