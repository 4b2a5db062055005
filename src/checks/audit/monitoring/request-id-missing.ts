import { randomBytes } from 'node:crypto';
import type { Operation } from '../../../spec/model.js';
import { defineCheck } from '../../define.js';
import type { AuditExchange, AuditServices, ProbeRequest } from '../../types.js';
import { evidenceOf, isSuccess } from '../evidence.js';

const requestIdHeaders = ['x-request-id', 'x-correlation-id', 'traceparent', 'x-amzn-trace-id', 'request-id', 'x-trace-id', 'cf-ray'];

function carriedId(exchange: AuditExchange | null): string | null {
  const headers = exchange?.response?.headers ?? {};
  const name = requestIdHeaders.find((header) => headers[header] !== undefined);
  return name ? `${name}: ${headers[name]}` : null;
}

/** A cheap read that is known to work: no path parameters, answered 2xx before, no credentials, shortest path. */
function cheapRequest(operations: readonly Operation[], audit: AuditServices): ProbeRequest {
  const working = new Set(audit.exchanges().filter((e) => e.operation !== null && isSuccess(e)).map((e) => e.operation));
  const gets = operations.filter((op) => op.method === 'get' && !op.path.includes('{'));
  const rank = (op: Operation) => [Number(!working.has(op.key)), Number(op.security.length > 0), op.path.length] as const;
  const ranked = [...gets].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.key.localeCompare(b.key);
  });
  for (const operation of ranked) {
    const request = audit.requestFor(operation);
    if (request) return request;
  }
  return { method: 'GET', path: '/', operation: null, role: null };
}

export const requestIdMissing = defineCheck({
  id: 'monitoring.request-id-missing',
  cause: 'monitoring-logging',
  kind: 'audit',
  severity: 'low',
  summary: 'Responses carry no request id and incoming ids are not echoed',
  explanation:
    'Without a request id in the response (`X-Request-Id`, `traceparent`), a client reporting a failure cannot point support at the matching server log line or trace, and a request cannot be followed across services. Incidents then take hours of log grepping instead of one lookup.',
  remedy: 'Accept an incoming `X-Request-Id` (or generate one) and return it on every response, log it with every line, and propagate W3C `traceparent` to downstream calls.',
  async *run({ spec, audit }) {
    if (audit.exchanges().some((exchange) => carriedId(exchange) !== null)) return;
    const base = cheapRequest(spec.operations, audit);
    const requestId = `faultline-${randomBytes(8).toString('hex')}`;
    const withId = await audit.probe({ ...base, headers: { ...base.headers, 'x-request-id': requestId }, inputKind: 'probe' });
    if (!withId) return;
    if (carriedId(withId) !== null) return;
    const traceparent = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
    const withTrace = await audit.probe({ ...base, headers: { ...base.headers, traceparent }, inputKind: 'probe' });
    if (!withTrace || carriedId(withTrace) !== null) return;
    yield {
      operation: null,
      status: null,
      detail: `No response carried a request id header (${requestIdHeaders.join(', ')}), and neither \`X-Request-Id: ${requestId}\` nor a \`traceparent\` sent to ${base.method} ${base.path} came back.`,
      evidence: [evidenceOf(withId, 'sent X-Request-Id'), evidenceOf(withTrace, 'sent traceparent')],
    };
  },
});
