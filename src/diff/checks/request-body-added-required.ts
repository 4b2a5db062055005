import { defineDiffCheck } from '../define.js';

export const requestBodyAddedRequired = defineDiffCheck({
  id: 'diff.request-body-added-required',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Required request body added',
  remedy: 'Make the body optional (the server applying defaults), or ship it in a new major version.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const body = pair.new.requestBody;
      if (pair.old.requestBody || !body?.required) continue;
      yield { operation: pair.new.key, oldPointer: pair.old.pointer, newPointer: body.pointer, detail: `${pair.new.key} now requires a request body; requests written for OLD send none.` };
    }
  },
});
