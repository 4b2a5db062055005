import { defineCheck } from '../define.js';
import { documentSchemas, typesOf } from './schema-walk.js';

export const schemaTypeMismatch = defineCheck({
  id: 'lint.schema-type-mismatch',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Schema keywords contradict its type',
  explanation:
    '`items` only applies to arrays and `properties` only to objects. A schema with `type: object` and `items`, or `type: string` and `properties`, describes something its own type rules out: the keywords are silently ignored by validators, and generators build the wrong model.',
  remedy: 'Fix the `type` (an array of objects is `type: array` with `items: { type: object, properties: ... }`), or remove the keywords that do not apply.',
  *run({ spec }) {
    for (const { schema, pointer } of documentSchemas(spec)) {
      const types = typesOf(schema);
      if (types.length === 0) continue;
      const problems: string[] = [];
      if ('items' in schema && !types.includes('array')) problems.push("'items'");
      if ('properties' in schema && !types.includes('object')) problems.push("'properties'");
      if (problems.length === 0) continue;
      yield { operation: null, pointer, detail: `Schema has type ${types.join(' | ')} but declares ${problems.join(' and ')}, which apply only to ${problems[0] === "'items'" ? 'arrays' : 'objects'}.` };
    }
  },
});
