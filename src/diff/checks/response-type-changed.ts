import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const responseTypeChanged = defineDiffCheck({
  id: 'diff.response-type-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: "Response value's type changed or widened",
  remedy: 'Keep responses within what OLD promised, or ship the change in a new major version and tell clients what new values to expect.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['type-changed'], where: (c) => c.relation !== 'narrowed' }, (l) => `${subject(l)}: type ${show(l.change.old)} → ${show(l.change.new)}; clients parsing the old type can fail.`);
  },
});
