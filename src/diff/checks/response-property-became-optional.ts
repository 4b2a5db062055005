import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const responsePropertyBecameOptional = defineDiffCheck({
  id: 'diff.response-property-became-optional',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Response property became optional',
  remedy: 'Keep returning it every time, or ship the change in a new major version.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['property-became-optional'] }, (l) => `${subject(l)} is no longer required; clients that expect it every time can fail.`);
  },
});
