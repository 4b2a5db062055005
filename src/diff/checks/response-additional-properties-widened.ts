import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const responseAdditionalPropertiesWidened = defineDiffCheck({
  id: 'diff.response-additional-properties-widened',
  cause: 'expiring-apis',
  level: 'warning',
  summary: 'Response object may carry more extra properties',
  remedy: 'Tell clients with strict deserialisers to ignore unknown fields.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['additional-properties-changed'], where: (c) => c.relation === 'widened' }, (l) => `${subject(l)}: additionalProperties ${show(l.change.old)} → ${show(l.change.new)}; strict clients may reject unknown fields.`);
  },
});
