import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const requestPropertyBecameRequired = defineDiffCheck({
  id: 'diff.request-property-became-required',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request property became required',
  remedy: 'Keep it optional with a server-side default, or ship the change in a new major version.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['property-became-required'] }, (l) => `${subject(l)} is now required; requests that omit it are rejected.`);
  },
});
