import { defineDiffCheck } from '../define.js';

export const requestBodyAddedOptional = defineDiffCheck({
  id: 'diff.request-body-added-optional',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'Optional request body added',
  remedy: 'Nothing breaks; document what the body does.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      const body = pair.new.requestBody;
      if (pair.old.requestBody || !body || body.required) continue;
      yield { operation: pair.new.key, oldPointer: pair.old.pointer, newPointer: body.pointer, detail: `${pair.new.key} accepts an optional request body.` };
    }
  },
});
