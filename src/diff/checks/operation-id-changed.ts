import { defineDiffCheck } from '../define.js';

export const operationIdChanged = defineDiffCheck({
  id: 'diff.operation-id-changed',
  cause: 'expiring-apis',
  level: 'warning',
  summary: 'operationId renamed',
  remedy: 'Keep the old operationId: generated SDKs name their methods after it, so a rename breaks code that compiles against them.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const before = pair.old.operationId;
      const after = pair.new.operationId;
      if (before === undefined || after === undefined || before === after) continue;
      yield {
        operation: pair.new.key,
        oldPointer: `${pair.old.pointer}/operationId`,
        newPointer: `${pair.new.pointer}/operationId`,
        detail: `operationId '${before}' → '${after}'; SDK methods generated from it change name.`,
      };
    }
  },
});
