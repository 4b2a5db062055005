import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestVariantRemoved = defineDiffCheck({
  id: 'diff.request-variant-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'oneOf/anyOf variant removed from a request value',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['variant-removed'] }, (l) => `${subject(l)}: ${l.change.keyword} variant ${show(l.change.old)} was removed; clients that send that shape are rejected.`);
  },
});
