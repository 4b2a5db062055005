import { defineDiffCheck } from '../define.js';

export const requestBodyBecameOptional = defineDiffCheck({
  id: 'diff.request-body-became-optional',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Request body became optional',
  remedy: 'Nothing breaks; document what happens without a body.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const before = pair.old.requestBody;
      const after = pair.new.requestBody;
      if (!before || !after || !before.required || after.required) continue;
      yield { operation: pair.new.key, oldPointer: before.pointer, newPointer: after.pointer, detail: `the request body of ${pair.new.key} is now optional.` };
    }
  },
});
