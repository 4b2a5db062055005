import { defineDiffCheck } from '../define.js';
import { pairHeaders, pairResponses } from '../pair-content.js';

export const responseHeaderRemoved = defineDiffCheck({
  id: 'diff.response-header-removed',
  cause: 'expiring-apis',
  level: 'warning',
  summary: 'Optional response header removed',
  remedy: 'Keep sending the header for a deprecation period; clients that read it (rate limits, pagination links) lose it.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const { old, new: now } of pairResponses(pair.old.responses, pair.new.responses).pairs) {
        for (const header of pairHeaders(old.headers, now.headers).removed) {
          if (header.required) continue;
          yield { operation: pair.new.key, oldPointer: header.pointer, anchor: now.pointer, detail: `response ${now.status} no longer documents the header '${header.name}'.` };
        }
      }
    }
  },
});
