import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestTypeChanged = defineDiffCheck({
  id: 'diff.request-type-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: "Request value's type changed or narrowed",
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['type-changed'], where: (c) => c.relation !== 'widened' }, (l) => `${subject(l)}: type ${show(l.change.old)} → ${show(l.change.new)}; values of the old type that clients send are now invalid.`);
  },
});
