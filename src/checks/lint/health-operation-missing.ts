import { defineCheck } from '../define.js';

const healthSegment = /^[_.]?(health(z|check|-check|_check)?|livez?|liveness|readyz?|readiness|status|ping|heartbeat)$/i;

export const healthOperationMissing = defineCheck({
  id: 'lint.health-operation-missing',
  cause: 'monitoring-logging',
  kind: 'lint',
  severity: 'low',
  summary: 'API documents no health endpoint',
  explanation:
    'Load balancers, orchestrators and uptime monitors need a cheap, side-effect-free request that says whether the service can serve traffic. Without one they probe a business endpoint (which costs, needs credentials or hides dependency failures) or nothing at all, so outages are noticed by users first and broken instances keep receiving traffic.',
  remedy: 'Add and document a `GET /health` (or `/healthz`, `/readyz`) operation without path parameters that checks the service and its critical dependencies and answers quickly.',
  *run({ spec }) {
    if (spec.operations.length === 0) return;
    const found = spec.operations.some(
      // A templated path such as /commits/{ref}/status is a resource's status, not the service's.
      (op) => op.method === 'get' && !op.path.includes('{') && op.path.split('/').some((segment) => healthSegment.test(segment)),
    );
    if (!found) {
      yield { operation: null, pointer: '/paths', detail: 'No GET operation on a path like /health, /healthz, /livez, /readyz, /status, /ping or /heartbeat.' };
    }
  },
});
