import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestMinItemsIncreased = defineDiffCheck({
  id: 'diff.request-min-items-increased',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'minItems raised (or added) on a request array',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['constraint-changed'], keywords: ['minItems'], where: (c) => c.relation !== 'widened' }, (l) => `${subject(l)}: minItems ${show(l.change.old)} → ${show(l.change.new)}; shorter arrays clients send are now rejected.`);
  },
});
