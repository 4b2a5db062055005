import type { SpecFormat } from '../../spec/model.js';
import type { Json } from '../../spec/values.js';
import { defineCheck } from '../define.js';
import { documentSchemas } from './schema-walk.js';

const knownTypes = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object']);
const bounds: readonly (readonly [string, string])[] = [['minimum', 'maximum'], ['minLength', 'maxLength'], ['minItems', 'maxItems'], ['minProperties', 'maxProperties']];
const counts = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];

function problemsOf(schema: Json, format: SpecFormat): string[] {
  const problems: string[] = [];
  const type = schema['type'];
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  for (const t of types) {
    const known = typeof t === 'string' && (knownTypes.has(t) || (t === 'null' && format === 'openapi-3.1') || (t === 'file' && format === 'swagger-2.0'));
    if (!known) problems.push(`type ${JSON.stringify(t)} is not a JSON Schema type`);
  }
  for (const [low, high] of bounds) {
    const min = schema[low];
    const max = schema[high];
    if (typeof min === 'number' && typeof max === 'number' && min > max) problems.push(`${low} ${min} is greater than ${high} ${max}, so no value is valid`);
  }
  for (const key of counts) {
    const value = schema[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) problems.push(`${key} ${JSON.stringify(value)} is not a non-negative integer`);
  }
  const required = schema['required'];
  // `required: true` on a property is the 2.0-parameter habit; in a schema it must list names.
  if (required !== undefined && !(Array.isArray(required) && required.every((name) => typeof name === 'string'))) problems.push(`required is ${JSON.stringify(required)}, not a list of property names (it belongs on the parent object)`);
  const pattern = schema['pattern'];
  if (pattern !== undefined) {
    if (typeof pattern !== 'string') problems.push('pattern is not a string');
    else if (!compiles(pattern)) problems.push(`pattern /${pattern}/ is not a valid regular expression`);
  }
  return problems;
}

function compiles(pattern: string): boolean {
  for (const flags of ['u', '']) {
    try {
      new RegExp(pattern, flags);
      return true;
    } catch {
      // try without unicode mode: many specs are written for engines that accept \- and the like
    }
  }
  return false;
}

export const schemaKeywordInvalid = defineCheck({
  id: 'lint.schema-keyword-invalid',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'high',
  summary: 'Schema keyword has a value no validator can use',
  explanation:
    'A schema with an unknown type (`type: int`, `type: date`), a minimum above its maximum, a negative length, `required: true` on a property, or a pattern that is not a regular expression is invalid: validators throw or skip it, generators fail, and the constraint the author meant is never applied.',
  remedy: 'Use a JSON Schema type (`integer`, `string` with `format: date`), list required property names in the parent object\'s `required` array, order the bounds, and test the pattern.',
  *run({ spec }) {
    for (const { schema, pointer } of documentSchemas(spec)) {
      const problems = problemsOf(schema, spec.format);
      if (problems.length === 0) continue;
      yield { operation: null, pointer, detail: `Schema is invalid: ${problems.join('; ')}.` };
    }
  },
});
