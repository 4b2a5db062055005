import { asRecord, child } from '../../spec/values.js';
import { defineCheck } from '../define.js';
import { documentObjects, isDataKey } from './schema-walk.js';

export const exampleValueAndExternal = defineCheck({
  id: 'lint.example-value-and-external',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Example object has both value and externalValue, or neither',
  explanation:
    'An OpenAPI Example object carries its example either inline (`value`) or by URL (`externalValue`); the two are mutually exclusive. With both, tools pick one and readers cannot tell which is true; with neither, the example shows nothing.',
  remedy: 'Keep exactly one of `value` and `externalValue` in each example.',
  *run({ spec }) {
    if (spec.format === 'swagger-2.0') return;
    // Example objects sit in a map under `examples` (media types, parameters, components); schemas keep a list there.
    for (const { record, pointer } of documentObjects(spec.document, isDataKey)) {
      const examples = asRecord(record['examples']);
      if (!examples || pointer.includes('/schema')) continue;
      for (const [name, example] of Object.entries(examples)) {
        const ex = asRecord(example);
        if (!ex || typeof ex['$ref'] === 'string') continue;
        const both = 'value' in ex && 'externalValue' in ex;
        const neither = !('value' in ex) && !('externalValue' in ex);
        if (both || neither) yield { operation: null, pointer: child(child(pointer, 'examples'), name), detail: `Example '${name}' has ${both ? 'both value and externalValue' : 'neither value nor externalValue'}.` };
      }
    }
  },
});
