import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const requestPropertyAddedRequired = defineDiffCheck({
  id: 'diff.request-property-added-required',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'New required request property',
  remedy: 'Make the property optional with a server-side default, or ship it in a new major version.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['property-added'], where: (c) => c.isRequired === true }, (l) => `${subject(l)} was added as required; requests written for OLD lack it and are rejected.`);
  },
});
