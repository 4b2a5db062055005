import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestAdditionalPropertiesNarrowed = defineDiffCheck({
  id: 'diff.request-additional-properties-narrowed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request object accepts fewer extra properties',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['additional-properties-changed'], where: (c) => c.relation === 'narrowed' }, (l) => `${subject(l)}: additionalProperties ${show(l.change.old)} → ${show(l.change.new)}; extra fields clients send may now be rejected.`);
  },
});
