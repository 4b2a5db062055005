import { defineCheck } from '../define.js';
import { isSuccessStatus } from './status-classes.js';

// These responses have no body by definition, so a missing schema is correct for them.
const bodilessStatuses = new Set(['204', '205', '304']);

export const responseSchemaMissing = defineCheck({
  id: 'lint.response-schema-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Success response has no body schema',
  explanation:
    'When a 2xx response documents no content or a media type without a schema, clients must guess the shape of the data from examples or from traffic. Generated SDKs type the result as unknown, response validation cannot run, and any change to the body breaks clients without anyone noticing.',
  remedy: 'Describe the body of every success response with a media type and a `schema` (a `$ref` to a component is best); use 204 for responses that really have no body.',
  *run({ spec }) {
    for (const op of spec.operations) {
      if (op.method === 'head') continue;
      for (const response of op.responses) {
        if (!isSuccessStatus(response.status) || bodilessStatuses.has(response.status)) continue;
        if (response.content.length === 0) {
          yield { operation: op.key, pointer: response.pointer, detail: `${op.key} documents no content for its ${response.status} response.` };
          continue;
        }
        const bare = response.content.filter((media) => !media.schema);
        if (bare.length > 0) {
          yield {
            operation: op.key,
            pointer: bare[0]!.pointer,
            detail: `${op.key} ${response.status} response has no schema for ${bare.map((m) => m.mediaType).join(', ')}.`,
          };
        }
      }
    }
  },
});
