import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';
import { isRemovalBreaking, removalReason } from '../removal.js';

export const responsePropertyRemoved = defineDiffCheck({
  id: 'diff.response-property-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Response property removed without deprecation',
  remedy: 'Keep returning the property: deprecate it first (deprecated: true and a sunset date) and remove it after the sunset.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['property-removed'], where: (c) => isRemovalBreaking(c, ctx.now) }, (l) => `${subject(l)} was removed${removalReason(l.change, ctx.now)}; clients that read it get nothing.`);
  },
});
