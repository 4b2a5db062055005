import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestFormatChanged = defineDiffCheck({
  id: 'diff.request-format-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: "Request value's format added or changed",
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['format-changed'], where: (c) => c.relation !== 'widened' }, (l) => `${subject(l)}: format ${show(l.change.old)} → ${show(l.change.new)}; values clients send in the old format may now be rejected.`);
  },
});
