import { defineDiffCheck } from '../define.js';

export const operationTagRemoved = defineDiffCheck({
  id: 'diff.operation-tag-removed',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Tag removed from an operation',
  remedy: 'Nothing breaks on the wire; SDKs that group methods by tag may move or drop the method from that group.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const removed = pair.old.tags.filter((t) => !pair.new.tags.includes(t));
      if (removed.length === 0) continue;
      yield { operation: pair.new.key, oldPointer: `${pair.old.pointer}/tags`, newPointer: pair.new.pointer, detail: `tags removed: ${removed.map((t) => `'${t}'`).join(', ')}.` };
    }
  },
});
