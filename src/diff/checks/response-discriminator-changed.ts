import { defineDiffCheck } from '../define.js';
import { schemaDrafts, show, subject } from '../schema-drafts.js';

export const responseDiscriminatorChanged = defineDiffCheck({
  id: 'diff.response-discriminator-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Discriminator property of a response value changed',
  remedy: 'Keep responses within what OLD promised, or ship the change in a new major version and tell clients what new values to expect.',
  *run(ctx) {
    yield* schemaDrafts(ctx, { direction: 'response', kinds: ['discriminator-changed'] }, (l) => `${subject(l)}: discriminator ${show(l.change.old)} → ${show(l.change.new)}; clients pick the wrong shape when decoding.`);
  },
});
