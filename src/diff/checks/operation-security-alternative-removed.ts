import { defineDiffCheck } from '../define.js';
import { describeAlternative, isPublic, isStillSatisfied } from '../security.js';

export const operationSecurityAlternativeRemoved = defineDiffCheck({
  id: 'diff.operation-security-alternative-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Accepted credentials no longer accepted',
  remedy: 'Keep accepting the old credentials (as a deprecated alternative) until clients have moved to the new scheme.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (isPublic(pair.old.security) || isPublic(pair.new.security)) continue;
      for (const alt of pair.old.security) {
        if (isStillSatisfied(alt, pair.new.security)) continue;
        yield {
          operation: pair.new.key,
          oldPointer: pair.old.hasOwnSecurity ? `${pair.old.pointer}/security` : '/security',
          newPointer: pair.new.hasOwnSecurity ? `${pair.new.pointer}/security` : '/security',
          change: describeAlternative(alt),
          detail: `clients authenticating with ${describeAlternative(alt)} no longer get in; NEW asks for ${pair.new.security.map(describeAlternative).join(' or ')}.`,
        };
      }
    }
  },
});
