import { defineDiffCheck } from '../define.js';
import { sameSchemes } from '../security.js';

export const operationSecurityScopeRemoved = defineDiffCheck({
  id: 'diff.operation-security-scope-removed',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Operation requires fewer OAuth scopes',
  remedy: 'Nothing breaks; check that the operation is not now open to tokens that should not reach it.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const alt of pair.old.security) {
        const match = sameSchemes(alt, pair.new.security);
        if (!match) continue;
        for (const scheme of alt.schemes) {
          const after = match.schemes.find((s) => s.name === scheme.name)?.scopes ?? [];
          const removed = scheme.scopes.filter((scope) => !after.includes(scope));
          if (removed.length === 0) continue;
          yield {
            operation: pair.new.key,
            oldPointer: pair.old.hasOwnSecurity ? `${pair.old.pointer}/security` : '/security',
            newPointer: pair.new.hasOwnSecurity ? `${pair.new.pointer}/security` : '/security',
            change: `${scheme.name}:${removed.join(' ')}`,
            detail: `${scheme.name} no longer needs scope ${removed.map((s) => `'${s}'`).join(', ')}.`,
          };
        }
      }
    }
  },
});
