import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestConstraintRelaxed = defineDiffCheck({
  id: 'diff.request-constraint-relaxed',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Constraint relaxed on a request value',
  remedy: 'Nothing breaks; mention it in the changelog.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['constraint-changed', 'enum-removed'], where: (c) => c.kind === 'enum-removed' || c.relation === 'widened' }, (l) => l.change.kind === 'enum-removed' ? `${subject(l)}: no longer restricted to ${show(l.change.old)}.` : `${subject(l)}: ${l.change.keyword} ${show(l.change.old)} → ${show(l.change.new)}; more values are accepted.`);
  },
});
