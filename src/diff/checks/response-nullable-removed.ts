import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const responseNullableRemoved = defineDiffCheck({
  id: 'diff.response-nullable-removed',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Response value no longer nullable',
  remedy: 'Nothing breaks; clients may drop their null handling.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['nullable-removed'] }, (l) => `${subject(l)} is never null any more.`);
  },
});
