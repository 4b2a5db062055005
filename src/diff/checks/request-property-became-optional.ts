import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const requestPropertyBecameOptional = defineDiffCheck({
  id: 'diff.request-property-became-optional',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Request property became optional',
  remedy: 'Nothing breaks; document the default the server applies.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['property-became-optional'] }, (l) => `${subject(l)} is now optional.`);
  },
});
