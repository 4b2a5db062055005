import type { Operation } from '../../../spec/model.js';
import { defineCheck } from '../../define.js';
import type { AuditExchange, AuditServices, FindingDraft } from '../../types.js';
import { evidenceOf, isSuccess } from '../evidence.js';
import { parseDeprecation, parseHttpDate } from './http-date.js';

/** A 2xx answer of the operation from the traffic, or one valid request sent for the purpose. */
async function successfulExchange(audit: AuditServices, op: Operation): Promise<AuditExchange | undefined> {
  const recorded = audit.exchanges().find((e) => e.operation === op.key && e.inputKind !== 'invalid' && isSuccess(e));
  if (recorded) return recorded;
  const isSafe = ['get', 'head', 'options'].includes(op.method);
  if (!isSafe && !audit.isDestructiveAllowed) return undefined;
  const request = ['delete', 'put', 'patch'].includes(op.method) ? await audit.freshRequestFor(op) : audit.requestFor(op);
  const exchange = request ? await audit.probe({ ...request, inputKind: 'valid' }) : null;
  return exchange && isSuccess(exchange) ? exchange : undefined;
}

function problemsOf(exchange: AuditExchange, nowMs: number): Omit<FindingDraft, 'operation' | 'evidence'>[] {
  const headers = exchange.response!.headers;
  const deprecation = headers['deprecation'];
  const sunset = headers['sunset'];
  if (deprecation === undefined && sunset === undefined) {
    return [{ detail: 'The spec marks the operation deprecated, but its 2xx response carries neither a Deprecation (RFC 9745) nor a Sunset (RFC 8594) header, so clients get no warning before it goes away.' }];
  }
  const problems: Omit<FindingDraft, 'operation' | 'evidence'>[] = [];
  if (deprecation !== undefined && parseDeprecation(deprecation) === null) {
    problems.push({ title: 'Deprecation header is malformed', detail: `Deprecation: ${deprecation} is neither an RFC 9745 date (@<unix-seconds>) nor a legacy true/HTTP-date.` });
  }
  if (sunset !== undefined) {
    const at = parseHttpDate(sunset);
    if (at === null) problems.push({ title: 'Sunset header is not an HTTP-date', severity: 'high', detail: `Sunset: ${sunset} is not an HTTP-date (RFC 8594 wants e.g. "Wed, 31 Dec 2031 23:59:59 GMT"), so clients cannot tell when the operation goes away.` });
    else if (at < nowMs) problems.push({ title: 'Sunset date has passed', severity: 'high', detail: `Sunset: ${sunset} is in the past, yet the operation still answers: clients were told it is gone, or the date is wrong.` });
  }
  return problems;
}

export const deprecationHeaderMissing = defineCheck({
  id: 'expiring.deprecation-header-missing',
  cause: 'expiring-apis',
  kind: 'audit',
  severity: 'medium',
  summary: 'Deprecated operation answers without Deprecation or Sunset headers',
  explanation:
    'Clients rarely re-read the spec; the response is the only place code and monitoring can notice that an operation is going away. Without Deprecation and Sunset headers the first sign is the outage on removal day.',
  remedy: 'Send `Deprecation: @<unix-seconds>` (RFC 9745) and `Sunset: <HTTP-date>` (RFC 8594) on every response of a deprecated operation, plus `Link: <…>; rel="successor-version"`; keep the Sunset date in the future until the operation is removed.',
  async *run({ spec, audit }) {
    for (const op of spec.operations.filter((o) => o.deprecated)) {
      const exchange = await successfulExchange(audit, op);
      if (!exchange) {
        if (audit.remainingRequests() <= 0) return;
        continue;
      }
      for (const problem of problemsOf(exchange, Date.now())) {
        yield { ...problem, operation: op.key, status: exchange.response!.status, evidence: [evidenceOf(exchange)] };
      }
    }
  },
});
