import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const responseTypeNarrowed = defineDiffCheck({
  id: 'diff.response-type-narrowed',
  cause: 'expiring-apis',
  level: 'info',
  summary: "Response value's type narrowed",
  remedy: 'Nothing breaks; every value is still of a type clients expect.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['type-changed'], where: (c) => c.relation === 'narrowed' }, (l) => `${subject(l)}: type ${show(l.change.old)} → ${show(l.change.new)}.`);
  },
});
