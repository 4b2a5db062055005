import type { Json } from '../../spec/values.js';
import { defineCheck } from '../define.js';
import { requestSchemas, typesOf } from './schema-walk.js';

// Formats whose valid values have a fixed or small length.
const boundedFormats = new Set(['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6', 'int32', 'int64', 'byte-length', 'duration', 'binary']);

/** True when a pattern anchors both ends and repeats nothing without an upper bound. */
function patternBounds(pattern: unknown): boolean {
  return typeof pattern === 'string' && pattern.startsWith('^') && pattern.endsWith('$') && !/(?<!\\)[*+]|\{\d+,\}/.test(pattern);
}

export function isUnboundedString(schema: Json): boolean {
  return typesOf(schema).includes('string') && schema['maxLength'] === undefined && schema['enum'] === undefined && schema['const'] === undefined
    && !boundedFormats.has(String(schema['format'])) && !patternBounds(schema['pattern']);
}

export const requestStringUnbounded = defineCheck({
  id: 'lint.request-string-unbounded',
  cause: 'public-exposure',
  kind: 'lint',
  severity: 'low',
  summary: 'A string in a request body has no maximum length',
  explanation:
    'A string field without `maxLength` (or an `enum`, `const`, a bounded format or pattern) accepts megabytes: a client can fill the database, the search index or the log with one request, and the server\'s own validation, generated from the spec, will not stop it (OWASP API4:2023, unrestricted resource consumption). Parameters are left out: URL limits bound them.',
  remedy: 'Give each request string the `maxLength` the backend can store (`name: { type: string, maxLength: 100 }`), or an `enum`/`format` that bounds it.',
  *run({ spec }) {
    for (const site of requestSchemas(spec)) {
      if (!site.where.startsWith('request body') || !isUnboundedString(site.schema)) continue;
      yield { operation: site.operation.key, pointer: site.pointer, detail: `A string in the ${site.where} of ${site.operation.key} has no maxLength, enum or bounded format.` };
    }
  },
});
