import { defineDiffCheck } from '../define.js';

export const requestBodyBecameRequired = defineDiffCheck({
  id: 'diff.request-body-became-required',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request body became required',
  remedy: 'Keep the body optional, or ship the change in a new major version.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const before = pair.old.requestBody;
      const after = pair.new.requestBody;
      if (!before || !after || before.required || !after.required) continue;
      yield { operation: pair.new.key, oldPointer: before.pointer, newPointer: after.pointer, detail: `the request body of ${pair.new.key} is now required; requests without one are rejected.` };
    }
  },
});
