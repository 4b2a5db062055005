import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { evidenceOf, isSuccess } from '../evidence.js';
import { isCatchAllAnswer, probeCatchAll } from '../exposure/catch-all.js';

const healthSegment = /^(health|healthz|livez|readyz|ready|status|ping|heartbeat)$/i;
const usualPaths = ['/health', '/healthz', '/livez', '/readyz', '/ready', '/status', '/ping'];
const maxDocumentedTried = 3;

export const healthEndpointMissing = defineCheck({
  id: 'monitoring.health-endpoint-missing',
  cause: 'monitoring-logging',
  kind: 'audit',
  severity: 'medium',
  summary: 'No health endpoint answers 2xx',
  explanation:
    'Load balancers, orchestrators and uptime monitors need a cheap request that says whether an instance can serve traffic. Without a working one, broken instances keep receiving requests, healthy ones get restarted, and outages are noticed by users first.',
  remedy: 'Serve and document `GET /health` (or `/healthz`, `/readyz`): no credentials, no side effects, a fast 200 while the service and its critical dependencies work and a 503 when they do not.',
  async *run({ spec, audit }) {
    // A templated path such as /jobs/{id}/status is a resource's status, not the service's.
    const documented = spec.operations.filter((op) => op.method === 'get' && !op.path.includes('{') && op.path.split('/').some((s) => healthSegment.test(s)));
    if (documented.length > 0) {
      const keys = new Set(documented.map((op) => op.key));
      const answered = audit.exchanges().filter((e) => e.operation !== null && keys.has(e.operation));
      if (answered.some(isSuccess)) return;
      const tried: AuditExchange[] = [...answered];
      for (const operation of documented.slice(0, maxDocumentedTried)) {
        const request = audit.requestFor(operation);
        const exchange = request ? await audit.probe({ ...request, inputKind: 'probe' }) : null;
        if (!exchange) continue;
        if (isSuccess(exchange)) return;
        tried.push(exchange);
      }
      const last = tried.at(-1);
      yield {
        operation: null,
        title: 'The documented health endpoint does not answer 2xx',
        detail: `${documented.map((op) => op.key).join(', ')} ${documented.length > 1 ? 'are' : 'is'} documented, but ${last ? `answered ${last.response?.status ?? last.error?.code ?? 'nothing'}` : 'could not be requested'}.`,
        evidence: last ? [evidenceOf(last)] : [],
      };
      return;
    }
    // The spec gap itself is lint.health-operation-missing's finding; guessing paths needs probing.
    if (!audit.isExposureProbing) return;
    const catchAll = await probeCatchAll(audit);
    if (!catchAll) return;
    const probes: AuditExchange[] = [];
    for (const path of usualPaths) {
      const exchange = await audit.probe({ method: 'GET', path, operation: null, role: null, inputKind: 'probe' });
      if (!exchange) return;
      probes.push(exchange);
      if (!isSuccess(exchange) || isCatchAllAnswer(catchAll, path, exchange)) continue;
      yield {
        operation: null,
        severity: 'low',
        title: 'The health endpoint is not documented',
        detail: `GET ${path} answers ${exchange.response?.status}, but the spec does not document it, so monitors and clients cannot rely on it.`,
        evidence: [evidenceOf(exchange)],
      };
      return;
    }
    yield {
      operation: null,
      detail: `The spec documents no health operation, and none of ${usualPaths.join(', ')} answered 2xx.`,
      evidence: probes.slice(0, 2).map((e) => evidenceOf(e)),
    };
  },
});
