import { defineCheck } from '../define.js';

export const requestBodySchemaMissing = defineCheck({
  id: 'lint.request-body-schema-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Request body has no schema',
  explanation:
    'Without a schema for the request body, clients do not know which fields to send or which are required, generated SDKs accept any value, and the server cannot be tested against its contract, so invalid payloads reach production and fail there.',
  remedy: 'Give every request body media type a `schema` that lists its properties and `required` fields (for binary uploads, `type: string, format: binary`).',
  *run({ spec }) {
    for (const op of spec.operations) {
      const body = op.requestBody;
      if (!body) continue;
      if (body.content.length === 0) {
        yield { operation: op.key, pointer: body.pointer, detail: `${op.key} has a request body with no content.` };
        continue;
      }
      const bare = body.content.filter((media) => !media.schema);
      if (bare.length > 0) {
        yield { operation: op.key, pointer: bare[0]!.pointer, detail: `${op.key} request body has no schema for ${bare.map((m) => m.mediaType).join(', ')}.` };
      }
    }
  },
});
