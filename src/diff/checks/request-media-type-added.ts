import { defineDiffCheck } from '../define.js';
import { pairMediaTypes } from '../pair-content.js';

export const requestMediaTypeAdded = defineDiffCheck({
  id: 'diff.request-media-type-added',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'Request media type added',
  remedy: 'Nothing breaks; document the new media type.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const before = pair.old.requestBody;
      const after = pair.new.requestBody;
      if (!before || !after) continue;
      for (const media of pairMediaTypes(before.content, after.content).added) {
        yield { operation: pair.new.key, newPointer: media.pointer, detail: `the request body also accepts ${media.mediaType}.` };
      }
    }
  },
});
