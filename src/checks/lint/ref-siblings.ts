import { defineCheck } from '../define.js';
import { documentObjects, documentSchemas, isDataKey } from './schema-walk.js';

// Beside a `$ref` these keys carry data or annotations a reader may keep; they are not the mistake.
const dataKeys = new Set(['example', 'examples', 'enum', 'default', 'const']);
const proseKeys = new Set(['description', 'summary', 'title']);

export const refSiblings = defineCheck({
  id: 'lint.ref-siblings',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Keys written beside a $ref are ignored',
  explanation:
    'In Swagger 2.0 and OpenAPI 3.0 an object with `$ref` is replaced by its target, and every other key beside it is ignored. A `nullable`, `description`, `readOnly` or `maxLength` written there looks like part of the contract but no validator, generator or documentation tool applies it, so the spec says one thing and the tools another. (OpenAPI 3.1 allows siblings in schemas, and `summary`/`description` on references.)',
  remedy: 'Wrap the reference, `allOf: [{ $ref: ... }]`, and put the extra keywords beside the `allOf`; or move them into the referenced component.',
  *run({ spec }) {
    const is31 = spec.format === 'openapi-3.1';
    const schemaPointers = is31 ? new Set([...documentSchemas(spec)].map((site) => site.pointer)) : new Set<string>();
    for (const { record, pointer } of documentObjects(spec.document, isDataKey)) {
      if (typeof record['$ref'] !== 'string') continue;
      const allowed = is31 ? (schemaPointers.has(pointer) ? undefined : new Set(['summary', 'description'])) : new Set<string>();
      const ignored = allowed ? Object.keys(record).filter((key) => key !== '$ref' && !key.startsWith('x-') && !allowed.has(key) && !dataKeys.has(key)) : [];
      if (ignored.length === 0) continue;
      // Only prose lost: readers still see it, validators never needed it.
      const onlyProse = ignored.every((key) => proseKeys.has(key));
      yield {
        operation: null,
        pointer,
        detail: `${ignored.map((k) => `'${k}'`).join(', ')} beside $ref '${record['$ref']}' ${ignored.length > 1 ? 'are' : 'is'} ignored by ${spec.format === 'swagger-2.0' ? 'Swagger 2.0' : 'OpenAPI 3.0'} tools.`,
        ...(onlyProse ? { severity: 'low' as const } : {}),
      };
    }
  },
});
