import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const responseFormatChanged = defineDiffCheck({
  id: 'diff.response-format-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: "Response value's format changed or removed",
  remedy: 'Keep responses within what OLD promised, or ship the change in a new major version and tell clients what new values to expect.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['format-changed'], where: (c) => c.relation !== 'narrowed' }, (l) => `${subject(l)}: format ${show(l.change.old)} → ${show(l.change.new)}; clients parsing the old format can fail.`);
  },
});
