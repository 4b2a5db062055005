import { defineDiffCheck } from '../define.js';
import { pairMediaTypes } from '../pair-content.js';

export const requestMediaTypeRemoved = defineDiffCheck({
  id: 'diff.request-media-type-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request media type no longer accepted',
  remedy: 'Keep accepting the media type until clients have moved; they get 415 Unsupported Media Type otherwise.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const before = pair.old.requestBody;
      const after = pair.new.requestBody;
      if (!before || !after) continue;
      for (const media of pairMediaTypes(before.content, after.content).removed) {
        yield { operation: pair.new.key, oldPointer: media.pointer, anchor: after.pointer, detail: `the request body no longer accepts ${media.mediaType}; clients sending it get 415.` };
      }
    }
  },
});
