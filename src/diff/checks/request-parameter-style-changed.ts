import { defineDiffCheck } from '../define.js';
import type { Parameter } from '../../spec/model.js';
import type { DiffContext } from '../types.js';
import { describeParameter } from '../parameter-sunset.js';

// OpenAPI 3 defaults: form + explode for query and cookie, simple without explode for path and header.
function serialisation(ctx: DiffContext, side: 'old' | 'new', parameter: Parameter): string {
  const raw = (ctx.rawAt(side, parameter.pointer).value ?? {}) as Record<string, unknown>;
  const isForm = parameter.in === 'query' || parameter.in === 'cookie';
  const style = typeof raw['style'] === 'string' ? raw['style'] : typeof raw['collectionFormat'] === 'string' ? raw['collectionFormat'] : isForm ? 'form' : 'simple';
  const explode = typeof raw['explode'] === 'boolean' ? raw['explode'] : style === 'form';
  return `style ${style}${explode ? ', explode' : ''}`;
}

export const requestParameterStyleChanged = defineDiffCheck({
  id: 'diff.request-parameter-style-changed',
  cause: 'expiring-apis',
  level: 'breaking',
  summary: 'Request parameter serialisation (style/explode) changed',
  remedy: 'Keep the old serialisation: clients encode arrays and objects the old way and the server would misread them.',
  *run(ctx) {
    for (const pair of ctx.operations.pairs) {
      for (const { old, new: now } of ctx.parameters(pair).pairs) {
        const before = serialisation(ctx, 'old', old);
        const after = serialisation(ctx, 'new', now);
        if (before === after) continue;
        yield { operation: pair.new.key, oldPointer: old.pointer, newPointer: now.pointer, detail: `${describeParameter(now)}: ${before} → ${after}; values clients encode the old way are misread.` };
      }
    }
  },
});
