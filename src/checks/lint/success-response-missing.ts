import { defineCheck } from '../define.js';

export const successResponseMissing = defineCheck({
  id: 'lint.success-response-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Operation documents no success response',
  explanation:
    'Without a 2xx or 3xx response (or a `default`), the description does not say what the operation returns when it works: generated clients type the result as nothing or treat every answer as an error, and contract tests have nothing to check the happy path against.',
  remedy: 'Document the success response (`200` with its schema, `201` with `Location`, or `204` for no body).',
  *run({ spec }) {
    for (const op of spec.operations) {
      if (op.responses.length === 0) continue; // a missing responses object is a structural error of its own
      if (op.responses.some((r) => /^[23]/.test(r.status) || r.status === 'default')) continue;
      yield { operation: op.key, pointer: `${op.pointer}/responses`, detail: `${op.key} documents only ${op.responses.map((r) => r.status).join(', ')}: no 2xx, 3xx or default response.` };
    }
  },
});
