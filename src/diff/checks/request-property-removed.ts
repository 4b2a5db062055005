import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';
import { isRemovalBreaking, removalReason } from '../removal.js';

export const requestPropertyRemoved = defineDiffCheck({
  id: 'diff.request-property-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request property removed without deprecation',
  remedy: 'Deprecate the property first (deprecated: true and a sunset date), keep accepting it until then, and remove it after.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['property-removed'], where: (c) => isRemovalBreaking(c, ctx.now) }, (l) => `${subject(l)} was removed${removalReason(l.change, ctx.now)}; clients that send it may now be rejected or silently ignored.`);
  },
});
