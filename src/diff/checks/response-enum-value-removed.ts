import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const responseEnumValueRemoved = defineDiffCheck({
  id: 'diff.response-enum-value-removed',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Enum value removed from a response value',
  remedy: 'Nothing breaks for readers; say so in the changelog.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['enum-value-removed'] }, (l) => `${subject(l)}: enum value ${show(l.change.old)} is no longer returned.`);
  },
});
