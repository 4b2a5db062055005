import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestEnumValueRemoved = defineDiffCheck({
  id: 'diff.request-enum-value-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Enum value removed from a request value',
  remedy: 'Keep accepting the value (deprecate it in the description first), or ship the removal in a new major version.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['enum-value-removed'] }, (l) => `${subject(l)}: enum value ${show(l.change.old)} was removed; clients that send it are now rejected.`);
  },
});
