import { defineDiffCheck } from '../define.js';
import { pairMediaTypes, pairResponses } from '../pair-content.js';

export const responseMediaTypeRemoved = defineDiffCheck({
  id: 'diff.response-media-type-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Response media type no longer offered',
  remedy: 'Keep producing the media type; clients that ask for it (Accept) get 406 or a body they cannot parse.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const { old, new: now } of pairResponses(pair.old.responses, pair.new.responses).pairs) {
        for (const media of pairMediaTypes(old.content, now.content).removed) {
          yield { operation: pair.new.key, oldPointer: media.pointer, anchor: now.pointer, detail: `response ${now.status} no longer offers ${media.mediaType}.` };
        }
      }
    }
  },
});
