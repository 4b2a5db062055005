import { defineDiffCheck } from '../define.js';

export const operationDeprecated = defineDiffCheck({
  id: 'diff.operation-deprecated',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Operation deprecated',
  remedy: 'Announce it, name the replacement in the description, and return Deprecation and Sunset headers (RFC 9745, RFC 8594).',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (pair.old.deprecated || !pair.new.deprecated) continue;
      yield { operation: pair.new.key, oldPointer: pair.old.pointer, newPointer: `${pair.new.pointer}/deprecated`, detail: `${pair.new.key} is now deprecated.` };
    }
  },
});
