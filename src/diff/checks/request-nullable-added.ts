import { defineDiffCheck } from '../define.js';
import { schemaDrafts, subject } from '../schema-drafts.js';

export const requestNullableAdded = defineDiffCheck({
  id: 'diff.request-nullable-added',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Request value now accepts null',
  remedy: 'Nothing breaks; document what null means.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['nullable-added'] }, (l) => `${subject(l)}: null is now accepted.`);
  },
});
