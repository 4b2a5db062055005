import { defineCheck } from '../define.js';
import { requestSchemas, typesOf } from './schema-walk.js';

export const requestArrayUnbounded = defineCheck({
  id: 'lint.request-array-unbounded',
  cause: 'public-exposure',
  kind: 'lint',
  severity: 'low',
  summary: 'An array in a request body has no maximum number of items',
  explanation:
    'An array without `maxItems` lets one request carry millions of elements: bulk endpoints loop over them, each item may cost a query or a write, and the work per request has no ceiling (OWASP API4:2023, unrestricted resource consumption). Parameters are left out: URL limits bound them.',
  remedy: 'Set `maxItems` to the largest batch the operation is meant to handle (`maxItems: 100`), and document what happens above it.',
  *run({ spec }) {
    for (const site of requestSchemas(spec)) {
      if (!site.where.startsWith('request body') || !typesOf(site.schema).includes('array') || site.schema['maxItems'] !== undefined) continue;
      yield { operation: site.operation.key, pointer: site.pointer, detail: `An array in the ${site.where} of ${site.operation.key} has no maxItems.` };
    }
  },
});
