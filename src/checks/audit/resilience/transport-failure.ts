import type { TransportError, TransportErrorCode } from '../../../http/types.js';
import type { AuditExchange } from '../../types.js';
import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';
import { outageStart } from './outage.js';

/**
 * The label the audit engine puts on a request whose timeout it shortened to fit the audit's own
 * deadline. Such a request timing out says nothing about the API, so it is not reported.
 */
export const deadlineCutLabel = 'audit-deadline-cut';

// Failures an operation's handler causes. Left out: faultline's own (unsafe, malformed request, client
// closed) and a target that cannot be reached at all (refused, DNS, TLS), which is not one operation's fault.
const reportedCodes: ReadonlySet<TransportErrorCode> = new Set<TransportErrorCode>([
  'TIMEOUT_CONNECT', 'TIMEOUT_HEADERS', 'TIMEOUT_BODY', 'TIMEOUT_TOTAL', 'CONNECTION_RESET',
  'PROTOCOL_ERROR', 'BODY_TOO_LARGE', 'DECOMPRESSION_BOMB', 'DECOMPRESSION_FAILED',
]);

const meanings: Partial<Record<TransportErrorCode, string>> = {
  TIMEOUT_CONNECT: 'no connection',
  TIMEOUT_HEADERS: 'no response headers in time',
  TIMEOUT_BODY: 'the body stalled',
  TIMEOUT_TOTAL: 'no complete response in time',
  CONNECTION_RESET: 'the connection was closed mid-exchange',
  PROTOCOL_ERROR: 'the response was not valid HTTP',
  BODY_TOO_LARGE: 'the body had no end in sight',
  DECOMPRESSION_BOMB: 'the compressed body inflated without bound',
  DECOMPRESSION_FAILED: 'the compressed body was corrupt',
};

const maxEvidence = 3;

type FailedExchange = AuditExchange & { readonly error: TransportError };

function isReported(exchange: AuditExchange): exchange is FailedExchange {
  const code = exchange.error?.code;
  if (code === undefined || !reportedCodes.has(code)) return false;
  return !(exchange.label === deadlineCutLabel && code.startsWith('TIMEOUT'));
}

export const transportFailure = defineCheck({
  id: 'resilience.transport-failure',
  cause: 'insufficient-testing',
  kind: 'audit',
  severity: 'high',
  summary: 'Requests to the operation ended without a complete HTTP response',
  explanation:
    'A request that times out, has its connection dropped, gets an endless or oversized body, or a compressed body that inflates without bound leaves the client with nothing to act on. Clients hang, retry into the same failure, or run out of memory, and none of it was caught because nothing tested the operation under these inputs.',
  remedy:
    'Reproduce with the curl line. Give the handler a deadline of its own and answer within it (503 or 504 with Retry-After when a dependency is slow), stream large results with pagination and a documented maximum, never close a connection mid-response, and add the request to the test suite.',
  *run({ audit }) {
    const groups = new Map<string, { operation: string; code: TransportErrorCode; failed: FailedExchange[]; failures: number }>();
    const totals = new Map<string, number>();
    // Once the whole API is down, every later failure is that one outage (resilience.api-went-down), not each operation's.
    const all = audit.exchanges();
    const down = outageStart(all) ?? all.length;
    for (const exchange of all.slice(0, down)) {
      if (!exchange.operation) continue;
      totals.set(exchange.operation, (totals.get(exchange.operation) ?? 0) + 1);
      if (!isReported(exchange)) continue;
      const key = `${exchange.operation}\u0000${exchange.error.code}`;
      const group = groups.get(key) ?? { operation: exchange.operation, code: exchange.error.code, failed: [], failures: 0 };
      group.failures++;
      if (group.failed.length < maxEvidence) group.failed.push(exchange);
      groups.set(key, group);
    }
    for (const { operation, code, failed, failures } of groups.values()) {
      const sent = totals.get(operation) ?? failures;
      const first = failed[0]!;
      const meaning = meanings[code];
      yield {
        operation,
        title: `Requests ended in ${code}${meaning ? ` (${meaning})` : ''}`,
        status: first.response?.status ?? null,
        detail: `${failures} of ${sent} recorded request${sent === 1 ? '' : 's'} to ${operation} ended in ${code}: ${first.error.message}.`,
        evidence: failed.map((exchange) => evidenceOf(exchange)),
      };
    }
  },
});
