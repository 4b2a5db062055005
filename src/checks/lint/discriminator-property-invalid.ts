import type { SpecModel } from '../../spec/model.js';
import { asRecord, type Json } from '../../spec/values.js';
import { defineCheck } from '../define.js';
import { documentSchemas } from './schema-walk.js';

/** Property names a schema defines, its allOf members' included (references followed, bounded). */
function definedProperties(spec: SpecModel, value: unknown, depth = 0): Set<string> {
  const schema = asRecord(spec.resolve(value));
  const names = new Set<string>(Object.keys(asRecord(schema?.['properties']) ?? {}));
  if (!schema || depth > 6) return names;
  for (const member of Array.isArray(schema['allOf']) ? schema['allOf'] : []) for (const name of definedProperties(spec, member, depth + 1)) names.add(name);
  return names;
}

function discriminatorName(schema: Json): string | undefined {
  const discriminator = schema['discriminator'];
  if (typeof discriminator === 'string') return discriminator;
  const name = asRecord(discriminator)?.['propertyName'];
  return typeof name === 'string' ? name : undefined;
}

export const discriminatorPropertyInvalid = defineCheck({
  id: 'lint.discriminator-property-invalid',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Discriminator names a property the schemas do not define',
  explanation:
    'A discriminator tells clients which variant a payload is by reading one property. When that property is not defined on the schema (or on every `oneOf`/`anyOf` variant), generated clients cannot deserialise the payload and pick a variant at random or fail.',
  remedy: 'Define the discriminator property (a string, usually with an enum) on the base schema or on every variant, and list it in `required`.',
  *run({ spec }) {
    for (const { schema, pointer } of documentSchemas(spec)) {
      const name = discriminatorName(schema);
      if (name === undefined) continue;
      const variants = [...(Array.isArray(schema['oneOf']) ? schema['oneOf'] : []), ...(Array.isArray(schema['anyOf']) ? schema['anyOf'] : [])];
      const own = definedProperties(spec, schema);
      if (own.has(name)) continue;
      const lacking = variants.filter((variant) => !definedProperties(spec, variant).has(name));
      if (variants.length > 0 && lacking.length === 0) continue;
      const where = variants.length > 0 ? `${lacking.length} of its ${variants.length} variants${lacking.map((v) => asRecord(v)?.['$ref']).filter(Boolean).slice(0, 3).map((r) => ` ${String(r)}`).join(',')}` : 'the schema';
      yield { operation: null, pointer: `${pointer}/discriminator`, detail: `Discriminator property '${name}' is not defined on ${where}.` };
    }
  },
});
