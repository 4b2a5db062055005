import type { Parameter } from '../../spec/model.js';
import { defineCheck } from '../define.js';
import { namingStyle, styleCensus } from './naming-style.js';

// A few outliers are worth a finding each; beyond that one API-wide finding says it better.
const maxOutlierFindings = 20;

export const parameterCasingInconsistent = defineCheck({
  id: 'lint.parameter-casing-inconsistent',
  cause: 'complex-endpoints',
  kind: 'lint',
  severity: 'low',
  summary: 'Query and path parameter names mix camelCase, snake_case and kebab-case',
  explanation:
    'When one operation takes `page_size` and another `pageSize`, clients send the wrong name, the server silently ignores it and returns defaults, and generated SDKs expose an inconsistent surface that is hard to learn.',
  remedy: 'Choose one style for parameter names across the API and rename the outliers (accept the old name as a deprecated alias during a transition).',
  *run({ spec }) {
    // Each distinct name once: the same parameter is usually shared by many operations.
    const firstUse = new Map<string, { param: Parameter; operation: string }>();
    for (const op of spec.operations) {
      for (const param of op.parameters) {
        if ((param.in === 'query' || param.in === 'path') && !firstUse.has(param.name)) firstUse.set(param.name, { param, operation: op.key });
      }
    }
    const census = styleCensus([...firstUse.keys()], (name) => {
      const style = namingStyle(name);
      return style ? [style] : [];
    });
    if (!census) return;
    const summary = census.byStyle.map(([style, names]) => `${style}: ${names.length} (e.g. ${names.slice(0, 3).join(', ')})`).join('; ');
    yield {
      operation: null,
      pointer: '/paths',
      detail: `Parameter names use ${census.byStyle.length} naming styles: ${summary}. Most use ${census.majority}.`,
    };
    if (census.minority.length > maxOutlierFindings) return;
    for (const { item: name, style } of census.minority) {
      const use = firstUse.get(name)!;
      yield { operation: use.operation, pointer: use.param.pointer, detail: `${use.param.in} parameter '${name}' is ${style} where most parameters are ${census.majority}.` };
    }
  },
});
