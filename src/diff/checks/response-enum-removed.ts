import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const responseEnumRemoved = defineDiffCheck({
  id: 'diff.response-enum-removed',
  cause: 'expiring-apis',
  level: 'warning',
  summary: 'Response value no longer restricted to an enum',
  remedy: 'Keep the enum, or tell clients to expect any value.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['enum-removed'] }, (l) => `${subject(l)}: no longer limited to ${show(l.change.old)}; clients that switch over those values may meet others.`);
  },
});
