import { defineCheck } from '../define.js';
import { documentSchemas, typesOf } from './schema-walk.js';

export const arrayItemsMissing = defineCheck({
  id: 'lint.array-items-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Array schema does not say what its items are',
  explanation:
    'An array without `items` accepts anything in it. OpenAPI 3.0 requires `items` for `type: array`; without it generated clients type the list as unknown values, validators accept garbage, and readers cannot tell what the list holds.',
  remedy: 'Add `items` with the schema of one element (a `$ref` to the component, or `{ type: string }`).',
  *run({ spec }) {
    for (const { schema, pointer } of documentSchemas(spec)) {
      if (!typesOf(schema).includes('array') || 'items' in schema || 'prefixItems' in schema || typeof schema['$ref'] === 'string') continue;
      yield { operation: null, pointer, detail: 'Schema has type array but no items.' };
    }
  },
});
