import type { Operation } from '../../../spec/model.js';
import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { evidenceOf } from '../evidence.js';
import { isCredentialOperation, withWrongSecret } from './credential-operations.js';

const maxAttempts = 50;
const minAttemptsToJudge = 20;
const maxOperations = 3;
const maxBurstMs = 30_000;

/** A 429, `Retry-After` or any RateLimit header (RFC draft and the common X- forms) means a limit exists. */
function signalsLimit(exchange: AuditExchange): boolean {
  const headers = exchange.response?.headers ?? {};
  return exchange.response?.status === 429 || 'retry-after' in headers || Object.keys(headers).some((name) => /^(x-)?ratelimit/.test(name));
}

/** 404, 405, 415 and 5xx never reached the code that would count attempts, so they prove nothing. */
function reachedHandler(exchange: AuditExchange): boolean {
  const status = exchange.response?.status ?? 0;
  return status >= 200 && status < 500 && ![404, 405, 415].includes(status);
}

export const rateLimitMissing = defineCheck({
  id: 'exposure.rate-limit-missing',
  cause: 'public-exposure',
  kind: 'audit',
  severity: 'medium',
  summary: 'No rate limit: a burst of attempts is never answered 429',
  explanation:
    'An operation that checks passwords, tokens or one-time codes and accepts unlimited attempts lets anyone guess credentials, stuff leaked passwords or brute-force OTPs at full speed. Without a limit one client can also exhaust the service for everybody else.',
  remedy: 'Limit attempts per client and per account (for example 5 a minute for logins), answer 429 with `Retry-After` and `RateLimit` headers, and document the 429 in the spec.',
  async *run({ spec, audit }) {
    if (!audit.isExposureProbing) return;
    const byKey = (a: Operation, b: Operation) => a.key.localeCompare(b.key);
    const credentials = spec.operations.filter(isCredentialOperation).sort(byKey);
    // Repeating a PUT, PATCH or DELETE fifty times changes data for nothing; the limit shows on reads and creates.
    const documented429 = spec.operations
      .filter((op) => ['get', 'post'].includes(op.method) && !isCredentialOperation(op) && op.responses.some((r) => r.status === '429'))
      .sort(byKey);
    for (const operation of [...credentials, ...documented429].slice(0, maxOperations)) {
      const base = audit.requestFor(operation);
      if (!base) continue;
      const request = { ...withWrongSecret(base), inputKind: 'probe' as const };
      const sent: AuditExchange[] = [];
      const deadline = Date.now() + maxBurstMs;
      while (sent.length < maxAttempts && Date.now() < deadline) {
        const exchange = await audit.probe(request);
        if (!exchange) break;
        sent.push(exchange);
        // A dropped connection can be a limiter too; either way the burst has its answer.
        if (signalsLimit(exchange) || exchange.error) break;
      }
      const last = sent.at(-1);
      if (!last || signalsLimit(last) || last.error || sent.filter(reachedHandler).length < minAttemptsToJudge) continue;
      const statuses = [...new Set(sent.map((e) => e.response?.status))].join(', ');
      const isCredential = credentials.includes(operation);
      yield {
        operation: operation.key,
        status: last.response?.status ?? null,
        severity: isCredential ? 'high' : 'medium',
        detail: `${sent.length} ${isCredential ? 'attempts with a wrong secret' : 'requests'} in a row all answered ${statuses}: no 429, \`Retry-After\` or \`RateLimit\` header${isCredential ? '' : ', although the spec documents 429'}.`,
        evidence: [evidenceOf(sent[0]!, 'first attempt of the burst'), evidenceOf(last, `attempt ${sent.length}`)],
      };
    }
  },
});
