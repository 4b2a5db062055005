import type { SpecFormat } from '../../spec/model.js';
import type { Json } from '../../spec/values.js';
import { defineCheck } from '../define.js';
import { documentSchemas } from './schema-walk.js';

function unsupported(schema: Json, format: SpecFormat): string[] {
  const found: string[] = [];
  if (format === 'swagger-2.0') {
    for (const key of ['anyOf', 'oneOf', 'not', 'nullable']) if (key in schema) found.push(`'${key}' (added in OpenAPI 3.0)`);
  } else if (format === 'openapi-3.0') {
    if (Array.isArray(schema['type'])) found.push("a list of types (OpenAPI 3.1; 3.0 takes one type and 'nullable')");
    for (const key of ['const', 'prefixItems', '$defs', 'examples']) if (key in schema) found.push(`'${key}' (OpenAPI 3.1)`);
    for (const key of ['exclusiveMinimum', 'exclusiveMaximum']) if (typeof schema[key] === 'number') found.push(`numeric '${key}' (OpenAPI 3.1; 3.0 takes a boolean)`);
  } else {
    if ('nullable' in schema) found.push("'nullable' (removed in OpenAPI 3.1; add 'null' to type)");
    for (const key of ['exclusiveMinimum', 'exclusiveMaximum']) if (typeof schema[key] === 'boolean') found.push(`boolean '${key}' (OpenAPI 3.0; 3.1 takes the bound itself)`);
  }
  return found;
}

export const schemaKeywordUnsupported = defineCheck({
  id: 'lint.schema-keyword-unsupported',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Schema uses a keyword its OpenAPI version does not have',
  explanation:
    'Each OpenAPI version has its own schema dialect: `oneOf` does not exist in Swagger 2.0, `type: [string, "null"]` and `const` not in 3.0, `nullable` not in 3.1. Tools read the document by its declared version and ignore or reject the keyword, so the constraint is lost.',
  remedy: 'Write the keyword the declared version has (`nullable: true` in 3.0, `type: [T, "null"]` in 3.1), or raise the document\'s `openapi` version and check the rest of it against that version.',
  *run({ spec }) {
    for (const { schema, pointer } of documentSchemas(spec)) {
      const found = unsupported(schema, spec.format);
      if (found.length === 0) continue;
      yield { operation: null, pointer, detail: `Schema uses ${found.join(', ')}, which ${spec.specVersion} does not have.` };
    }
  },
});
