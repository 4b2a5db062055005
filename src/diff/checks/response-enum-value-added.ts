import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const responseEnumValueAdded = defineDiffCheck({
  id: 'diff.response-enum-value-added',
  cause: 'expiring-apis',
  level: 'warning',
  isAddition: true,
  summary: 'Enum value added to a response value',
  remedy: 'Tell clients; those that switch over the values need a default branch (or mark the enum x-extensible-enum).',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['enum-value-added'] }, (l) => `${subject(l)}: enum value ${show(l.change.new)} was added; clients that switch over the known values may not handle it.`);
  },
});
