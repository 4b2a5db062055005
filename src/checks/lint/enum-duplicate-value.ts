import { defineCheck } from '../define.js';
import { documentSchemas } from './schema-walk.js';

export const enumDuplicateValue = defineCheck({
  id: 'lint.enum-duplicate-value',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'Enum lists the same value twice',
  explanation:
    'JSON Schema requires enum values to be unique. A repeated value is usually a copy-paste slip that hides the value that was meant, and generators that turn enums into constants fail on the duplicate name.',
  remedy: 'Remove the repeated value, and check whether another value was meant in its place.',
  *run({ spec }) {
    for (const { schema, pointer } of documentSchemas(spec)) {
      const values = schema['enum'];
      if (!Array.isArray(values)) continue;
      const seen = new Set<string>();
      const repeated = new Set<string>();
      for (const value of values) {
        const key = JSON.stringify(value);
        if (seen.has(key)) repeated.add(key);
        seen.add(key);
      }
      if (repeated.size === 0) continue;
      yield { operation: null, pointer: `${pointer}/enum`, detail: `Enum repeats ${[...repeated].slice(0, 5).join(', ')}.` };
    }
  },
});
