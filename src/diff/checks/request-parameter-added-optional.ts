import { defineDiffCheck } from '../define.js';
import { describeParameter } from '../parameter-sunset.js';

export const requestParameterAddedOptional = defineDiffCheck({
  id: 'diff.request-parameter-added-optional',
  cause: 'expiring-apis',
  level: 'info',
  isAddition: true,
  summary: 'New optional request parameter',
  remedy: 'Nothing breaks; document the parameter.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const parameter of ctx.parameters(pair).added) {
        if (parameter.required) continue;
        yield { operation: pair.new.key, newPointer: parameter.pointer, detail: `${describeParameter(parameter)} was added (optional).` };
      }
    }
  },
});
