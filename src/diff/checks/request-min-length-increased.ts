import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestMinLengthIncreased = defineDiffCheck({
  id: 'diff.request-min-length-increased',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'minLength raised (or added) on a request value',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['constraint-changed'], keywords: ['minLength'], where: (c) => c.relation !== 'widened' }, (l) => `${subject(l)}: minLength ${show(l.change.old)} → ${show(l.change.new)}; shorter strings clients send are now rejected.`);
  },
});
