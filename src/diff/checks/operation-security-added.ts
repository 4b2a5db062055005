import { defineDiffCheck } from '../define.js';
import { describeAlternative, isPublic } from '../security.js';

export const operationSecurityAdded = defineDiffCheck({
  id: 'diff.operation-security-added',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Public operation now requires authentication',
  remedy: 'Announce the requirement and give clients time to obtain credentials, or ship it in a new major version.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (!isPublic(pair.old.security) || isPublic(pair.new.security)) continue;
      const needs = pair.new.security.map(describeAlternative).join(' or ');
      yield { operation: pair.new.key, oldPointer: pair.old.pointer, newPointer: pair.new.hasOwnSecurity ? `${pair.new.pointer}/security` : '/security', change: `needs ${needs}`, detail: `${pair.new.key} was public and now needs ${needs}; anonymous clients get 401.` };
    }
  },
});
