import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestTypeWidened = defineDiffCheck({
  id: 'diff.request-type-widened',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Request value accepts a wider type',
  remedy: 'Nothing breaks; mention the wider type in the changelog.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['type-changed'], where: (c) => c.relation === 'widened' }, (l) => `${subject(l)}: type ${show(l.change.old)} → ${show(l.change.new)}; every value that was valid still is.`);
  },
});
