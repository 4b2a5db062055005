import { defineDiffCheck } from '../define.js';

export const operationIdAdded = defineDiffCheck({
  id: 'diff.operation-id-added',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'operationId added',
  remedy: 'Nothing breaks on the wire; SDKs regenerated from NEW get a new method name.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (pair.old.operationId !== undefined || pair.new.operationId === undefined) continue;
      yield { operation: pair.new.key, oldPointer: pair.old.pointer, newPointer: `${pair.new.pointer}/operationId`, detail: `operationId '${pair.new.operationId}' was added.` };
    }
  },
});
