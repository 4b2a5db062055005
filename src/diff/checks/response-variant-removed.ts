import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const responseVariantRemoved = defineDiffCheck({
  id: 'diff.response-variant-removed',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'oneOf/anyOf variant removed from a response value',
  remedy: 'Nothing breaks for readers; say so in the changelog.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['variant-removed'] }, (l) => `${subject(l)}: ${l.change.keyword} variant ${show(l.change.old)} is no longer returned.`);
  },
});
