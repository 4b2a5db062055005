import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestMaxItemsDecreased = defineDiffCheck({
  id: 'diff.request-max-items-decreased',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'maxItems lowered (or added) on a request array',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['constraint-changed'], keywords: ['maxItems'], where: (c) => c.relation !== 'widened' }, (l) => `${subject(l)}: maxItems ${show(l.change.old)} → ${show(l.change.new)}; longer arrays clients send are now rejected.`);
  },
});
