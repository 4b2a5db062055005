import { defineCheck } from '../define.js';
import { isErrorStatus } from './status-classes.js';

export const errorResponsesMissing = defineCheck({
  id: 'lint.error-responses-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Operation documents no error response',
  explanation:
    'Every operation can fail, but when no 4xx, 5xx or default response is documented clients are written for the happy path only. They do not parse error bodies, do not distinguish retryable from permanent failures, and crash or retry forever on the first validation or server error.',
  remedy: 'Document the errors the operation returns (at least 400/404/422 where they apply and 5xx), or a `default` response, with a shared error schema such as RFC 9457 problem details.',
  *run({ spec }) {
    for (const op of spec.operations) {
      if (!op.responses.some((r) => isErrorStatus(r.status))) {
        yield { operation: op.key, pointer: `${op.pointer}/responses`, detail: `${op.key} documents no 4xx, 5xx or default response.` };
      }
    }
  },
});
