import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const responseConstraintWidened = defineDiffCheck({
  id: 'diff.response-constraint-widened',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Constraint relaxed on a response value',
  remedy: 'Keep responses within what OLD promised, or ship the change in a new major version and tell clients what new values to expect.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['constraint-changed'], where: (c) => c.relation !== 'narrowed' }, (l) => `${subject(l)}: ${l.change.keyword} ${show(l.change.old)} → ${show(l.change.new)}; clients that relied on the old bound may get values they cannot store or validate.`);
  },
});
