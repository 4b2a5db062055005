import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestBecameEnum = defineDiffCheck({
  id: 'diff.request-became-enum',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request value restricted to an enum',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['enum-added'] }, (l) => `${subject(l)}: now only ${show(l.change.new)} is accepted; any other value clients send is rejected.`);
  },
});
