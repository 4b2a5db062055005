import { defineCheck } from '../define.js';
import { documentSchemas } from './schema-walk.js';

export const nullableWithoutType = defineCheck({
  id: 'lint.nullable-without-type',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'info',
  summary: 'nullable is set on a schema without a type',
  explanation:
    'OpenAPI 3.0.3 settled that `nullable: true` only widens an explicit `type`; on a schema without one (a bare `allOf`, `oneOf` or `{}`) it has no effect, so `null` stays invalid for validators while readers and some generators assume it is allowed.',
  remedy: 'Many generators honour `nullable` beside `anyOf`/`allOf` anyway, so this is a portability note: give the schema a `type` beside `nullable: true`, or add a nullable member to the composition (`oneOf: [..., { type: object, nullable: true }]`).',
  *run({ spec }) {
    if (spec.format !== 'openapi-3.0') return;
    for (const { schema, pointer } of documentSchemas(spec)) {
      if (schema['nullable'] !== true || 'type' in schema || typeof schema['$ref'] === 'string') continue;
      yield { operation: null, pointer: `${pointer}/nullable`, detail: 'nullable: true has no type beside it, so null is still not a valid value.' };
    }
  },
});
