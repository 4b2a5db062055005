import { defineCheck } from '../define.js';
import { requestSchemas, typesOf } from './schema-walk.js';

export const requestIntegerUnbounded = defineCheck({
  id: 'lint.request-integer-unbounded',
  cause: 'public-exposure',
  kind: 'lint',
  severity: 'low',
  summary: 'An integer clients send has no minimum or no maximum',
  explanation:
    'An integer input without bounds accepts `per_page=1000000000` or a negative quantity: page sizes, counts and offsets drive how much work the server does, and values past the backend\'s integer range overflow or crash it (OWASP API4:2023, unrestricted resource consumption).',
  remedy: 'Give each integer the `minimum` and `maximum` the operation handles (`per_page: { type: integer, minimum: 1, maximum: 100 }`).',
  *run({ spec }) {
    for (const site of requestSchemas(spec)) {
      const { schema } = site;
      // A path id is looked up, not looped over: its size costs nothing.
      if (site.where.startsWith('path') || !typesOf(schema).includes('integer') || schema['enum'] !== undefined || schema['const'] !== undefined) continue;
      const missing = [
        ...(schema['minimum'] === undefined && typeof schema['exclusiveMinimum'] !== 'number' ? ['minimum'] : []),
        ...(schema['maximum'] === undefined && typeof schema['exclusiveMaximum'] !== 'number' ? ['maximum'] : []),
      ];
      if (missing.length === 0) continue;
      yield { operation: site.operation.key, pointer: site.pointer, detail: `An integer in the ${site.where} of ${site.operation.key} has no ${missing.join(' and no ')}.` };
    }
  },
});
