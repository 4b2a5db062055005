import { defineCheck } from '../define.js';
import { documentSchemas, typesOf } from './schema-walk.js';

/** The JSON type of an enum value, as JSON Schema names it. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function fits(value: unknown, types: readonly string[]): boolean {
  const type = jsonType(value);
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

export const enumTypeMismatch = defineCheck({
  id: 'lint.enum-type-mismatch',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Enum value does not have the type its schema declares',
  explanation:
    'A value listed in `enum` that breaks the schema\'s own `type` (a string `"1"` under `type: integer`, a `null` in a schema that is not nullable) can never be valid: validators reject it, generated enums fail to compile or drop it, and clients that send it get a 400.',
  remedy: 'Write every enum value with the declared type, or widen the type (add `nullable: true` in 3.0, or `null` to `type` in 3.1) when the value is meant.',
  *run({ spec }) {
    for (const { schema, pointer } of documentSchemas(spec)) {
      const values = schema['enum'];
      const types = typesOf(schema);
      if (!Array.isArray(values) || types.length === 0) continue;
      const wrong = values.filter((value) => !fits(value, types));
      if (wrong.length === 0) continue;
      yield {
        operation: null,
        pointer: `${pointer}/enum`,
        detail: `Enum value${wrong.length > 1 ? 's' : ''} ${wrong.slice(0, 3).map((v) => `${JSON.stringify(v)} (${jsonType(v)})`).join(', ')}${wrong.length > 3 ? ` and ${wrong.length - 3} more` : ''} ${wrong.length > 1 ? 'do' : 'does'} not fit type ${types.join(' | ')}.`,
      };
    }
  },
});
