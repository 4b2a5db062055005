import { defineCheck } from '../define.js';

export const responseDescriptionEmpty = defineCheck({
  id: 'lint.response-description-empty',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'Responses have an empty description',
  explanation:
    'OpenAPI requires a description on every response because the status code alone does not say when it happens: a 409 or a 422 means something specific to each operation. Without it, clients cannot tell which condition they hit or how to recover.',
  remedy: 'Describe each response: when it is returned and what the client should do about it.',
  *run({ spec }) {
    for (const op of spec.operations) {
      const bare = op.responses.filter((r) => !r.description?.trim());
      const first = bare[0];
      if (!first) continue;
      yield { operation: op.key, pointer: first.pointer, detail: `${op.key} has responses without description: ${bare.map((r) => r.status).join(', ')}.` };
    }
  },
});
