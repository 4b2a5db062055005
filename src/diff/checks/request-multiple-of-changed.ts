import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestMultipleOfChanged = defineDiffCheck({
  id: 'diff.request-multiple-of-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'multipleOf added or changed on a request number',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['constraint-changed'], keywords: ['multipleOf'], where: (c) => c.relation !== 'widened' }, (l) => `${subject(l)}: multipleOf ${show(l.change.old)} → ${show(l.change.new)}; numbers that were valid may now be rejected.`);
  },
});
