import { defineDiffCheck } from '../define.js';

export const operationIdRemoved = defineDiffCheck({
  id: 'diff.operation-id-removed',
  cause: 'expiring-apis',
  level: 'warning',
  summary: 'operationId removed',
  remedy: 'Put the operationId back: SDK generators fall back to names made from the path, which differ from the old method name.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (pair.old.operationId === undefined || pair.new.operationId !== undefined) continue;
      yield { operation: pair.new.key, oldPointer: `${pair.old.pointer}/operationId`, newPointer: pair.new.pointer, detail: `operationId '${pair.old.operationId}' was removed; generated SDK methods lose their name.` };
    }
  },
});
