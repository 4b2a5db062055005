import { defineDiffCheck } from '../define.js';
import { describeAlternative, isPublic, sameSchemes } from '../security.js';

export const operationSecurityAlternativeAdded = defineDiffCheck({
  id: 'diff.operation-security-alternative-added',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'New way to authenticate accepted',
  remedy: 'Nothing breaks; document the new scheme.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (isPublic(pair.old.security) || isPublic(pair.new.security)) continue;
      for (const alt of pair.new.security) {
        if (sameSchemes(alt, pair.old.security)) continue;
        yield { operation: pair.new.key, oldPointer: pair.old.pointer, newPointer: pair.new.hasOwnSecurity ? `${pair.new.pointer}/security` : '/security', change: describeAlternative(alt), detail: `${pair.new.key} also accepts ${describeAlternative(alt)}.` };
      }
    }
  },
});
