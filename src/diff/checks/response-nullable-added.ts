import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const responseNullableAdded = defineDiffCheck({
  id: 'diff.response-nullable-added',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Response value became nullable',
  remedy: 'Keep responses within what OLD promised, or ship the change in a new major version and tell clients what new values to expect.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['nullable-added'] }, (l) => `${subject(l)} can now be null; clients that dereference it can crash.`);
  },
});
