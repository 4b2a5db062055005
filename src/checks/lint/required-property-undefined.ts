import { asRecord } from '../../spec/values.js';
import { defineCheck } from '../define.js';
import { documentSchemas } from './schema-walk.js';

export const requiredPropertyUndefined = defineCheck({
  id: 'lint.required-property-undefined',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Schema requires a property it does not define',
  explanation:
    'A name in `required` that is not among the schema\'s `properties` is usually a typo or a property that was renamed: the real property is then optional for validators, while every payload must carry a field nobody documented. Generated models get a required field of unknown type.',
  remedy: 'Define the property under `properties`, or fix the name in `required` to the one that is defined.',
  *run({ spec }) {
    for (const { schema, pointer } of documentSchemas(spec)) {
      const required = schema['required'];
      const properties = asRecord(schema['properties']);
      // Inside allOf/anyOf/oneOf a member may require what a sibling defines; open objects may require extra keys.
      if (!Array.isArray(required) || !properties || /\/(allOf|anyOf|oneOf)\/\d+$/.test(pointer)) continue;
      if (schema['allOf'] || schema['anyOf'] || schema['oneOf'] || schema['additionalProperties'] || schema['patternProperties']) continue;
      const missing = required.filter((name): name is string => typeof name === 'string' && !(name in properties));
      if (missing.length === 0) continue;
      yield { operation: null, pointer: `${pointer}/required`, detail: `Required ${missing.map((n) => `'${n}'`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} not among the schema's properties (${Object.keys(properties).slice(0, 6).join(', ')}${Object.keys(properties).length > 6 ? ', ...' : ''}).` };
    }
  },
});
