import { defineDiffCheck } from '../define.js';

export const operationTagAdded = defineDiffCheck({
  id: 'diff.operation-tag-added',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Tag added to an operation',
  remedy: 'Nothing breaks on the wire; SDKs that group methods by tag may move the method.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const added = pair.new.tags.filter((t) => !pair.old.tags.includes(t));
      if (added.length === 0) continue;
      yield { operation: pair.new.key, oldPointer: pair.old.pointer, newPointer: `${pair.new.pointer}/tags`, detail: `tags added: ${added.map((t) => `'${t}'`).join(', ')}.` };
    }
  },
});
