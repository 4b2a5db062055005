import { defineDiffCheck } from '../define.js';

export const requestBodyRemoved = defineDiffCheck({
  id: 'diff.request-body-removed',
  cause: 'expiring-apis',
  level: 'warning',
  summary: 'Request body removed',
  remedy: 'Keep accepting (and ignoring) the body for a while; servers that reject unexpected bodies break clients that still send one.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const before = pair.old.requestBody;
      if (!before || pair.new.requestBody) continue;
      yield { operation: pair.new.key, oldPointer: before.pointer, anchor: pair.new.pointer, detail: `${pair.new.key} no longer takes a request body; what clients send is ignored or rejected.` };
    }
  },
});
