import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const responsePropertyDeprecated = defineDiffCheck({
  id: 'diff.response-property-deprecated',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Response property deprecated',
  remedy: 'Give it a sunset date and tell clients what replaces it.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['property-deprecated'], where: (c) => c.path !== '' }, (l) => `${subject(l)} is now deprecated.`);
  },
});
