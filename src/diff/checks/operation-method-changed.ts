import { defineDiffCheck } from '../define.js';

export const operationMethodChanged = defineDiffCheck({
  id: 'diff.operation-method-changed',
  cause: 'bad-urls',
  level: 'breaking',
  summary: 'Operation moved to another HTTP method',
  remedy: 'Keep answering the old method (deprecated) beside the new one until clients have moved.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (pair.matchedBy !== 'operationId' || pair.old.method === pair.new.method) continue;
      yield {
        operation: pair.new.key,
        oldPointer: pair.old.pointer,
        newPointer: pair.new.pointer,
        detail: `operationId '${pair.new.operationId}' moved from ${pair.old.method.toUpperCase()} to ${pair.new.method.toUpperCase()}; clients sending ${pair.old.method.toUpperCase()} get 405.`,
      };
    }
  },
});
