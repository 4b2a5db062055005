import { defineDiffCheck } from '../define.js';
import { describeParameter, parameterRemoval } from '../parameter-sunset.js';

export const requestParameterRemoved = defineDiffCheck({
  id: 'diff.request-parameter-removed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request parameter removed without deprecation',
  remedy: 'Keep accepting the parameter; deprecate it first (deprecated: true and a sunset date) and remove it after the sunset.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const parameter of ctx.parameters(pair).removed) {
        const verdict = parameterRemoval(ctx, parameter);
        if (verdict !== 'not-deprecated' && verdict !== 'before-sunset') continue;
        const why = verdict === 'before-sunset' ? 'before its sunset date' : 'without being deprecated first';
        yield { operation: pair.new.key, oldPointer: parameter.pointer, anchor: pair.new.pointer, detail: `${describeParameter(parameter)} was removed ${why}; clients that send it may be rejected or silently ignored.` };
      }
    }
  },
});
