import { defineDiffCheck } from '../define.js';
import type { Operation, SpecModel } from '../../spec/model.js';
import { serverUrl } from '../servers.js';

// The URLs an operation overrides the document's servers with, or undefined when it inherits them.
function override(op: Operation, spec: SpecModel): string | undefined {
  const own = op.servers.map(serverUrl).sort().join(' ');
  return own === spec.servers.map(serverUrl).sort().join(' ') ? undefined : own;
}

export const operationServersChanged = defineDiffCheck({
  id: 'diff.operation-servers-changed',
  cause: 'bad-urls',
  level: 'warning',
  summary: 'Operation-level server override changed',
  remedy: 'Keep the old host answering for this operation until clients have switched.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const before = override(pair.old, ctx.oldSpec);
      const after = override(pair.new, ctx.newSpec);
      if (before === after) continue;
      const describe = (urls: string | undefined) => (urls === undefined ? 'the document servers' : urls || '(none)');
      yield { operation: pair.new.key, oldPointer: pair.old.pointer, newPointer: pair.new.pointer, detail: `${pair.new.key} is served from ${describe(after)} instead of ${describe(before)}.` };
    }
  },
});
