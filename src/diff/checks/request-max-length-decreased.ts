import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestMaxLengthDecreased = defineDiffCheck({
  id: 'diff.request-max-length-decreased',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'maxLength lowered (or added) on a request value',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['constraint-changed'], keywords: ['maxLength'], where: (c) => c.relation !== 'widened' }, (l) => `${subject(l)}: maxLength ${show(l.change.old)} → ${show(l.change.new)}; longer strings clients send are now rejected.`);
  },
});
