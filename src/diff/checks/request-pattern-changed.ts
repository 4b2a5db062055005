import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestPatternChanged = defineDiffCheck({
  id: 'diff.request-pattern-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Pattern added or changed on a request value',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['constraint-changed'], keywords: ['pattern'], where: (c) => c.relation !== 'widened' }, (l) => `${subject(l)}: pattern ${show(l.change.old)} → ${show(l.change.new)}; values that matched before may now be rejected.`);
  },
});
