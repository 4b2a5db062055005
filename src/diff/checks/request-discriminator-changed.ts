import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const requestDiscriminatorChanged = defineDiffCheck({
  id: 'diff.request-discriminator-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Discriminator property of a request value changed',
  remedy: 'Keep accepting what OLD accepted (relax the constraint again), or ship the change in a new major version with a migration note.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'request', kinds: ['discriminator-changed'] }, (l) => `${subject(l)}: discriminator ${show(l.change.old)} → ${show(l.change.new)}; polymorphic bodies clients send no longer pick the right shape.`);
  },
});
