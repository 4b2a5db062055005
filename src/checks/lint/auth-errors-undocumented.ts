import { defineCheck } from '../define.js';
import { isAuthErrorStatus } from './status-classes.js';

export const authErrorsUndocumented = defineCheck({
  id: 'lint.auth-errors-undocumented',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'Secured operation documents no 401 or 403 response',
  explanation:
    'An operation that requires credentials will answer 401 when they are missing or expired and 403 when they do not grant access. If the spec does not say so, clients treat these as unexpected failures instead of refreshing the token or asking for access, and users see a generic error.',
  remedy: 'Add 401 and 403 responses (or a shared `4XX`/`default` error response) to every operation that has `security`.',
  *run({ spec }) {
    for (const op of spec.operations) {
      const secured = op.security.some((alternative) => alternative.schemes.length > 0);
      if (secured && !op.responses.some((r) => isAuthErrorStatus(r.status))) {
        yield { operation: op.key, pointer: `${op.pointer}/responses`, detail: `${op.key} requires credentials but documents no 401, 403, 4XX or default response.` };
      }
    }
  },
});
