import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const requestUniqueItemsAdded = defineDiffCheck({
  id: 'diff.request-unique-items-added',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request array now requires unique items',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['constraint-changed'], keywords: ['uniqueItems'], where: (c) => c.relation === 'narrowed' }, (l) => `${subject(l)}: uniqueItems is now true; arrays with repeated items are rejected.`);
  },
});
