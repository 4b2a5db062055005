import { defineDiffCheck } from '../define.js';
import { isPublic } from '../security.js';

export const operationSecurityRemoved = defineDiffCheck({
  id: 'diff.operation-security-removed',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Operation no longer requires authentication',
  remedy: 'Make sure the operation really is meant to be public; clients keep sending credentials harmlessly.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      if (isPublic(pair.old.security) || !isPublic(pair.new.security)) continue;
      yield { operation: pair.new.key, oldPointer: pair.old.hasOwnSecurity ? `${pair.old.pointer}/security` : '/security', newPointer: pair.new.pointer, change: 'public', detail: `${pair.new.key} no longer requires authentication.` };
    }
  },
});
