import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const responsePropertyAdded = defineDiffCheck({
  id: 'diff.response-property-added',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'New response property',
  remedy: 'Nothing breaks for tolerant readers; document the property.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['property-added'] }, (l) => `${subject(l)} was added.`);
  },
});
