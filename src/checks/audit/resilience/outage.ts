import type { TransportErrorCode } from '../../../http/types.js';
import type { AuditExchange } from '../../types.js';

/** Failures that say nothing answered at all: the process is gone, not one handler slow. */
const downCodes: ReadonlySet<TransportErrorCode> = new Set<TransportErrorCode>(['CONNECTION_REFUSED', 'CONNECTION_RESET', 'TIMEOUT_CONNECT']);
/** Failures in a row, over at least two request targets, before the API counts as down. */
export const outageAfter = 3;

function isDown(exchange: AuditExchange): boolean {
  return exchange.error !== undefined && downCodes.has(exchange.error.code);
}

/**
 * Where the API went down during the audit: the index of the first request of the closing run in which
 * every request failed to connect (or was cut), over `outageAfter` requests or more and at least two
 * different targets, after the API had answered something. Null when it stayed up to the end.
 */
export function outageStart(exchanges: readonly AuditExchange[]): number | null {
  let start = exchanges.length;
  while (start > 0 && isDown(exchanges[start - 1]!)) start--;
  const tail = exchanges.slice(start);
  if (tail.length < outageAfter || start === 0) return null;
  const targets = new Set(tail.map((e) => `${e.request.method} ${e.request.url.split('?')[0]}`));
  if (targets.size < 2 || !exchanges.slice(0, start).some((e) => e.response)) return null;
  return start;
}

/** The request most likely to have taken the API down: the one it died handling, or the last one it was sent before. */
export function outageCulprit(exchanges: readonly AuditExchange[], start: number): AuditExchange {
  const first = exchanges[start]!;
  return first.error?.code === 'CONNECTION_RESET' || start === 0 ? first : exchanges[start - 1]!;
}
