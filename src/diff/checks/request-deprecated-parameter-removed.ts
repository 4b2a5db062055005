import { defineDiffCheck } from '../define.js';
import { describeParameter, parameterRemoval } from '../parameter-sunset.js';

export const requestDeprecatedParameterRemoved = defineDiffCheck({
  id: 'diff.request-deprecated-parameter-removed',
  cause: 'expiring-apis',
  level: 'info',
  summary: 'Deprecated request parameter removed',
  remedy: 'Nothing to do if the sunset has passed; say so in the changelog.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const parameter of ctx.parameters(pair).removed) {
        const verdict = parameterRemoval(ctx, parameter);
        if (verdict !== 'no-sunset' && verdict !== 'after-sunset') continue;
        yield { operation: pair.new.key, oldPointer: parameter.pointer, anchor: pair.new.pointer, detail: `${describeParameter(parameter)} was removed after its deprecation.` };
      }
    }
  },
});
