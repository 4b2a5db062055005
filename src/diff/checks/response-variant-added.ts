import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const responseVariantAdded = defineDiffCheck({
  id: 'diff.response-variant-added',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'oneOf/anyOf variant added to a response value',
  remedy: 'Keep responses within what OLD promised, or ship the change in a new major version and tell clients what new values to expect.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['variant-added'] }, (l) => `${subject(l)}: ${l.change.keyword} variant ${show(l.change.new)} was added; clients that handle only the known shapes may fail on it.`);
  },
});
