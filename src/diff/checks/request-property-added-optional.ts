import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const requestPropertyAddedOptional = defineDiffCheck({
  id: 'diff.request-property-added-optional',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'New optional request property',
  remedy: 'Nothing breaks; document the property.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['property-added'], where: (c) => c.isRequired !== true }, (l) => `${subject(l)} was added (optional).`);
  },
});
