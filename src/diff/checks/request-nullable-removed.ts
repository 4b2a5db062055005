import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const requestNullableRemoved = defineDiffCheck({
  id: 'diff.request-nullable-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request value no longer accepts null',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['nullable-removed'] }, (l) => `${subject(l)}: null is no longer accepted; clients that send null are rejected.`);
  },
});
