import { defineCheck } from '../define.js';

export const schemaTypeMissing = defineCheck({
  id: 'lint.schema-type-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'Component schema has properties but no type',
  explanation:
    'A schema without `type` validates any JSON value: an array, a string or null pass where an object was meant, because `properties` only applies to objects. Validators and generated clients therefore accept malformed payloads, and some generators emit an untyped value instead of a model.',
  remedy: 'Add `type: object` to every schema that declares `properties`.',
  *run({ spec }) {
    for (const component of spec.components) {
      if (component.section !== 'schemas') continue;
      const schema = spec.resolve(component.value);
      if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) continue;
      const record = schema as Record<string, unknown>;
      if ('properties' in record && !('type' in record)) {
        yield { operation: null, pointer: component.pointer, detail: `Schema '${component.name}' declares properties but no type.` };
      }
    }
  },
});
