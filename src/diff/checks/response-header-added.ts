import { defineDiffCheck } from '../define.js';
import { pairHeaders, pairResponses } from '../pair-content.js';

export const responseHeaderAdded = defineDiffCheck({
  id: 'diff.response-header-added',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'Response header added',
  remedy: 'Nothing breaks; document the header.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const { old, new: now } of pairResponses(pair.old.responses, pair.new.responses).pairs) {
        for (const header of pairHeaders(old.headers, now.headers).added) {
          yield { operation: pair.new.key, newPointer: header.pointer, detail: `response ${now.status} documents a new header '${header.name}'.` };
        }
      }
    }
  },
});
