import { defineCheck } from '../../define.js';
import { isGarbageCredentialProbe } from '../auth/token-probe.js';
import { evidenceOf } from '../evidence.js';

export const serverError = defineCheck({
  id: 'conformance.server-error',
  cause: 'insufficient-testing',
  kind: 'audit',
  severity: 'high',
  summary: 'Operation answered with a 5xx server error',
  explanation:
    'A 500 means the API met an input or state its code did not expect. Clients cannot tell a bug from an outage, retries make it worse, and the same input will crash it in production.',
  remedy: 'Reproduce with the curl line, fix the handler, and answer invalid input with a 4xx (400/422) problem response. Add the failing input to the test suite.',
  *run({ audit }) {
    for (const exchange of audit.exchanges()) {
      const status = exchange.response?.status;
      // 503 and 504 are how an API is supposed to say a dependency is down; dependency checks judge those.
      if (status === undefined || status < 500 || status === 503 || status === 504) continue;
      if (isGarbageCredentialProbe(exchange)) continue;
      const input = exchange.inputKind === 'invalid' ? ` for invalid input (${exchange.mutation ?? 'mutated'})` : exchange.inputKind === 'valid' ? ' for a valid request' : '';
      yield {
        operation: exchange.operation,
        status,
        detail: `${exchange.request.method} ${new URL(exchange.request.url).pathname} answered ${status}${input}.`,
        evidence: [evidenceOf(exchange)],
      };
    }
  },
});
