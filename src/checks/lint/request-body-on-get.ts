import type { RequestBody, SpecModel } from '../../spec/model.js';
import { asRecord } from '../../spec/values.js';
import { defineCheck } from '../define.js';

// Some generators (Stripe's) give every operation a body schema that admits nothing: an object with no
// properties and `additionalProperties: false`. No client sends it, so it is not a body to worry about.
function isDeclaredEmpty(spec: SpecModel, body: RequestBody): boolean {
  return body.content.every((media) => {
    const schema = asRecord(spec.resolve(media.schema));
    if (!schema || schema['additionalProperties'] !== false || schema['allOf'] || schema['oneOf'] || schema['anyOf']) return false;
    return Object.keys(asRecord(schema['properties']) ?? {}).length === 0;
  });
}

export const requestBodyOnGet = defineCheck({
  id: 'lint.request-body-on-get',
  cause: 'complex-endpoints',
  kind: 'lint',
  severity: 'medium',
  summary: 'GET, HEAD or DELETE operation takes a request body',
  explanation:
    'RFC 9110 gives a body on GET, HEAD and DELETE no defined meaning. Browsers\' fetch refuses to send one on GET, many proxies, CDNs and HTTP libraries drop it silently, and caches key GET responses on the URL alone, so the server sees a request without the data the client meant to send.',
  remedy: 'Move the input to query parameters, or turn the operation into a POST (e.g. `POST /things/search`) when the input is too large or structured for a URL.',
  *run({ spec }) {
    for (const op of spec.operations) {
      if (!op.requestBody || !['get', 'head', 'delete'].includes(op.method) || isDeclaredEmpty(spec, op.requestBody)) continue;
      yield {
        operation: op.key,
        pointer: op.requestBody.pointer,
        detail: `${op.key} declares a request body, which ${op.method === 'delete' ? 'many clients and proxies drop on DELETE' : `is dropped or refused on ${op.method.toUpperCase()}`}.`,
        // A body on DELETE is merely unportable; on GET and HEAD it is routinely lost.
        ...(op.method === 'delete' ? { severity: 'low' as const } : {}),
      };
    }
  },
});
