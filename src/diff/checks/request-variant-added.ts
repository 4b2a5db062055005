import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestVariantAdded = defineDiffCheck({
  id: 'diff.request-variant-added',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'oneOf/anyOf variant added to a request value',
  remedy: 'Nothing breaks; document the new shape.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['variant-added'] }, (l) => `${subject(l)}: ${l.change.keyword} variant ${show(l.change.new)} was added.`);
  },
});
