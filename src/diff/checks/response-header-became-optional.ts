import { defineDiffCheck } from '../define.js';
import { pairHeaders, pairResponses } from '../pair-content.js';

export const responseHeaderBecameOptional = defineDiffCheck({
  id: 'diff.response-header-became-optional',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Response header no longer required',
  remedy: 'Keep the header required, or tell clients to cope without it in a new major version.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const response of pairResponses(pair.old.responses, pair.new.responses).pairs) {
        for (const { old, new: now } of pairHeaders(response.old.headers, response.new.headers).pairs) {
          if (!old.required || now.required) continue;
          yield { operation: pair.new.key, oldPointer: old.pointer, newPointer: now.pointer, detail: `response ${response.new.status} header '${now.name}' may now be missing.` };
        }
      }
    }
  },
});
