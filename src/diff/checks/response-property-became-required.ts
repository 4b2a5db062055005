import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const responsePropertyBecameRequired = defineDiffCheck({
  id: 'diff.response-property-became-required',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Response property became required',
  remedy: 'Nothing breaks; clients may rely on it now.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['property-became-required'] }, (l) => `${subject(l)} is now always present.`);
  },
});
