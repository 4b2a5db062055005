import { defineDiffCheck } from '../define.js';
import { statusChanges } from '../status-changes.js';

export const responseSuccessStatusChanged = defineDiffCheck({
  id: 'diff.response-success-status-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Success status changed',
  remedy: 'Keep the old success status: clients that check for it treat the new one as a failure.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const { removedSuccess, addedSuccess } = statusChanges(pair);
      if (removedSuccess.length === 0 || addedSuccess.length === 0) continue;
      yield {
        operation: pair.new.key,
        oldPointer: removedSuccess[0]!.pointer,
        newPointer: addedSuccess[0]!.pointer,
        detail: `success status ${removedSuccess.map((r) => r.status).join(', ')} → ${addedSuccess.map((r) => r.status).join(', ')}; clients that check for the old status see a failure.`,
      };
    }
  },
});
