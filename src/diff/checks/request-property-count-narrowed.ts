import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestPropertyCountNarrowed = defineDiffCheck({
  id: 'diff.request-property-count-narrowed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'minProperties or maxProperties tightened on a request object',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['constraint-changed'], keywords: ['minProperties', 'maxProperties'], where: (c) => c.relation !== 'widened' }, (l) => `${subject(l)}: ${l.change.keyword} ${show(l.change.old)} → ${show(l.change.new)}; objects that were valid may now be rejected.`);
  },
});
