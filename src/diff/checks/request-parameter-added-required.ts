import { defineDiffCheck } from '../define.js';
import { describeParameter } from '../parameter-sunset.js';

export const requestParameterAddedRequired = defineDiffCheck({
  id: 'diff.request-parameter-added-required',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'New required request parameter',
  remedy: 'Make the parameter optional with a server-side default, or ship it in a new major version.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const parameter of ctx.parameters(pair).added) {
        if (!parameter.required) continue;
        yield { operation: pair.new.key, newPointer: parameter.pointer, detail: `${describeParameter(parameter)} was added as required; requests written for OLD lack it and are rejected.` };
      }
    }
  },
});
