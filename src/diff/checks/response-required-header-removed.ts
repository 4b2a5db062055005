import { defineDiffCheck } from '../define.js';
import { pairHeaders, pairResponses } from '../pair-content.js';

export const responseRequiredHeaderRemoved = defineDiffCheck({
  id: 'diff.response-required-header-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Required response header removed',
  remedy: 'Keep sending the header; clients were told it is always there.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const { old, new: now } of pairResponses(pair.old.responses, pair.new.responses).pairs) {
        for (const header of pairHeaders(old.headers, now.headers).removed) {
          if (!header.required) continue;
          yield { operation: pair.new.key, oldPointer: header.pointer, anchor: now.pointer, detail: `response ${now.status} no longer sends the required header '${header.name}'.` };
        }
      }
    }
  },
});
