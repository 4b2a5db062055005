import { defineDiffCheck } from '../define.js';

export const operationAdded = defineDiffCheck({
  id: 'diff.operation-added',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'Operation added',
  remedy: 'Nothing breaks; document the operation in the changelog.',
  *run(ctx) {
    for (const op of ctx.operations.added) yield { operation: op.key, newPointer: op.pointer, detail: `${op.key} is new.` };
  },
});
