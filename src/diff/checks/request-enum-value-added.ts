import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestEnumValueAdded = defineDiffCheck({
  id: 'diff.request-enum-value-added',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'Enum value added to a request value',
  remedy: 'Nothing breaks; document the new value.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['enum-value-added'] }, (l) => `${subject(l)}: enum value ${show(l.change.new)} was added.`);
  },
});
