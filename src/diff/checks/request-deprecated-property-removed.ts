import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';
import { isRemovalBreaking, removalReason } from '../removal.js';

export const requestDeprecatedPropertyRemoved = defineDiffCheck({
  id: 'diff.request-deprecated-property-removed',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Deprecated request property removed',
  remedy: 'Nothing to do if the sunset has passed; say so in the changelog.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['property-removed'], where: (c) => !isRemovalBreaking(c, ctx.now) }, (l) => `${subject(l)} was removed after its deprecation${removalReason(l.change, ctx.now)}.`);
  },
});
