import { defineDiffCheck } from '../define.js';
import { sameSchemes } from '../security.js';

export const operationSecurityScopeAdded = defineDiffCheck({
  id: 'diff.operation-security-scope-added',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Operation requires an additional OAuth scope',
  remedy: 'Keep the old scopes sufficient, or announce the change so clients re-consent before it ships.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const alt of pair.old.security) {
        const match = sameSchemes(alt, pair.new.security);
        if (!match) continue;
        for (const scheme of match.schemes) {
          const before = alt.schemes.find((s) => s.name === scheme.name)?.scopes ?? [];
          const added = scheme.scopes.filter((scope) => !before.includes(scope));
          if (added.length === 0) continue;
          yield {
            operation: pair.new.key,
            oldPointer: pair.old.hasOwnSecurity ? `${pair.old.pointer}/security` : '/security',
            newPointer: pair.new.hasOwnSecurity ? `${pair.new.pointer}/security` : '/security',
            change: `${scheme.name}:${added.join(' ')}`,
            detail: `${scheme.name} now also needs scope ${added.map((s) => `'${s}'`).join(', ')}; tokens granted for OLD get 403.`,
          };
        }
      }
    }
  },
});
