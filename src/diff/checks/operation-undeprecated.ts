import { defineDiffCheck } from '../define.js';

export const operationUndeprecated = defineDiffCheck({
  id: 'diff.operation-undeprecated',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Operation no longer deprecated',
  remedy: 'Tell clients that migrated away that the operation stays.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (!pair.old.deprecated || pair.new.deprecated) continue;
      yield { operation: pair.new.key, oldPointer: `${pair.old.pointer}/deprecated`, newPointer: pair.new.pointer, detail: `${pair.new.key} is no longer deprecated.` };
    }
  },
});
