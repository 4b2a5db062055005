import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestMaxDecreased = defineDiffCheck({
  id: 'diff.request-max-decreased',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Maximum lowered (or added) on a request value',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['constraint-changed'], keywords: ['maximum', 'exclusiveMaximum'], where: (c) => c.relation !== 'widened' }, (l) => `${subject(l)}: ${l.change.keyword} ${show(l.change.old)} → ${show(l.change.new)}; larger values clients send are now rejected.`);
  },
});
