import type { Evidence } from '../../core/finding.js';
import type { AuditExchange } from '../types.js';

/** Evidence for a finding from a recorded exchange: request, response (already truncated), curl. */
export function evidenceOf(exchange: AuditExchange, note?: string): Evidence {
  const response = exchange.response
    ? {
        status: exchange.response.status,
        headers: exchange.response.headers,
        ...(exchange.response.body !== undefined ? { body: exchange.response.body } : {}),
        ...(exchange.response.bodyTruncated ? { bodyTruncated: true } : {}),
        ...(exchange.response.durationMs !== undefined ? { durationMs: exchange.response.durationMs } : {}),
      }
    : null;
  const noteText = note ?? exchange.mutation;
  return {
    request: exchange.request,
    response,
    curl: exchange.curl,
    ...(exchange.error ? { error: `${exchange.error.code}: ${exchange.error.message}` } : {}),
    ...(noteText ? { note: noteText } : {}),
  };
}

export function isSuccess(exchange: AuditExchange): boolean {
  const status = exchange.response?.status;
  return status !== undefined && status >= 200 && status < 300;
}
