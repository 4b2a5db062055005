import { defineDiffCheck } from '../define.js';

export const requestParameterLocationChanged = defineDiffCheck({
  id: 'diff.request-parameter-location-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request parameter moved to another location',
  remedy: 'Accept the parameter in both places for a deprecation period, then drop the old one.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const { old, new: now } of ctx.parameters(pair).moved) {
        yield {
          operation: pair.new.key,
          oldPointer: old.pointer,
          newPointer: now.pointer,
          detail: `parameter '${now.name}' moved from ${old.in} to ${now.in}; clients keep sending it in the ${old.in}, where it is no longer read.`,
        };
      }
    }
  },
});
