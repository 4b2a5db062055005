import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestParameterDefaultChanged = defineDiffCheck({
  id: 'diff.request-parameter-default-changed',
  cause: 'expiring-apis',
  level: 'warning',
  summary: 'Default of a request parameter changed',
  remedy: 'Keep the old default, or announce the new behaviour: clients that omit the parameter get a different result.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['default-changed'], areas: ['parameter'], where: (c) => c.path === '' }, (l) => `${subject(l)}: default ${show(l.change.old)} → ${show(l.change.new)}; clients that omit it now get different behaviour.`);
  },
});
