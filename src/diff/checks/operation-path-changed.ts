import { defineDiffCheck } from '../define.js';
import { normalisePathTemplate } from '../pair-operations.js';

export const operationPathChanged = defineDiffCheck({
  id: 'diff.operation-path-changed',
  cause: 'bad-urls',
  level: 'breaking',
  summary: 'Operation moved to another path',
  remedy: 'Serve the old path too (or redirect it with 308) and deprecate it, instead of moving the operation in place.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (pair.matchedBy !== 'operationId' || normalisePathTemplate(pair.old.path) === normalisePathTemplate(pair.new.path)) continue;
      yield {
        operation: pair.new.key,
        oldPointer: pair.old.pointer,
        newPointer: pair.new.pointer,
        detail: `operationId '${pair.new.operationId}' moved from ${pair.old.path} to ${pair.new.path}; clients calling the old path get 404.`,
      };
    }
  },
});
