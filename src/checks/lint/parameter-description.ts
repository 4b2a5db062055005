import { defineCheck } from '../define.js';
import type { Parameter } from '../../spec/model.js';

const letters = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * `{id}` and an id named after the collection before it (`/customers/{customer}`, `/teams/{team_id}`,
 * `/deliveries/{delivery_id}`) say what they are; flagging them buries the parameters that need words.
 */
function selfEvident(param: Parameter, path: string): boolean {
  if (param.in !== 'path') return false;
  if (param.name.toLowerCase() === 'id') return true;
  const segments = path.split('/');
  const previous = segments[segments.indexOf(`{${param.name}}`) - 1];
  const base = letters(param.name.replace(/[_-]?(id|slug)$/i, ''));
  if (!previous || previous.includes('{') || base.length < 3) return false;
  return letters(previous).startsWith(base.slice(0, Math.max(3, base.length - 1)));
}

export const parameterDescription = defineCheck({
  id: 'lint.parameter-description',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'Parameters have no description',
  explanation:
    'A parameter name rarely says its unit, format, default or effect (is `limit` a page size or a rate? is `since` a date or an id?). Undescribed parameters get wrong values, clients misuse filters and paging, and the resulting errors look like API bugs. Path ids named after their collection, such as `/customers/{customer}`, are not reported.',
  remedy: 'Give every parameter a `description` that states its meaning, format, unit and default.',
  *run({ spec }) {
    for (const op of spec.operations) {
      const bare = op.parameters.filter((p) => !p.description?.trim() && !selfEvident(p, op.path));
      const first = bare[0];
      if (!first) continue;
      yield {
        operation: op.key,
        pointer: first.pointer,
        detail: `${op.key} has ${bare.length} parameter(s) without description: ${bare.map((p) => `${p.name} (${p.in})`).join(', ')}.`,
      };
    }
  },
});
