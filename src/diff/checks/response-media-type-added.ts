import { defineDiffCheck } from '../define.js';
import { pairMediaTypes, pairResponses } from '../pair-content.js';

export const responseMediaTypeAdded = defineDiffCheck({
  id: 'diff.response-media-type-added',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'Response media type added',
  remedy: 'Nothing breaks as long as the old media type stays the default for clients that do not ask.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const { old, new: now } of pairResponses(pair.old.responses, pair.new.responses).pairs) {
        for (const media of pairMediaTypes(old.content, now.content).added) {
          yield { operation: pair.new.key, newPointer: media.pointer, detail: `response ${now.status} also offers ${media.mediaType}.` };
        }
      }
    }
  },
});
