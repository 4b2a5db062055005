import type { TransportError, TransportErrorCode } from './types.js';

// undici and Node error codes → faultline's stable codes. Everything outside http/ sees only the latter.
const exactCodes: Record<string, TransportErrorCode> = {
  TIMEOUT_TOTAL: 'TIMEOUT_TOTAL',
  BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  DECOMPRESSION_BOMB: 'DECOMPRESSION_BOMB',
  UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT_HEADERS',
  UND_ERR_BODY_TIMEOUT: 'TIMEOUT_BODY',
  UND_ERR_CONNECT_TIMEOUT: 'TIMEOUT_CONNECT',
  ETIMEDOUT: 'TIMEOUT_CONNECT',
  UND_ERR_SOCKET: 'CONNECTION_RESET',
  ECONNRESET: 'CONNECTION_RESET',
  ECONNABORTED: 'CONNECTION_RESET',
  EPIPE: 'CONNECTION_RESET',
  ECONNREFUSED: 'CONNECTION_REFUSED',
  EHOSTUNREACH: 'HOST_UNREACHABLE',
  ENETUNREACH: 'HOST_UNREACHABLE',
  EHOSTDOWN: 'HOST_UNREACHABLE',
  ENETDOWN: 'HOST_UNREACHABLE',
  EADDRNOTAVAIL: 'HOST_UNREACHABLE',
  ENOTFOUND: 'DNS_FAILURE',
  EAI_AGAIN: 'DNS_FAILURE',
  EAI_FAIL: 'DNS_FAILURE',
  EAI_NODATA: 'DNS_FAILURE',
  UND_ERR_HEADERS_OVERFLOW: 'PROTOCOL_ERROR',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'PROTOCOL_ERROR',
  UND_ERR_INFO: 'PROTOCOL_ERROR',
  UND_ERR_INVALID_ARG: 'INVALID_REQUEST',
  UND_ERR_NOT_SUPPORTED: 'INVALID_REQUEST',
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: 'INVALID_REQUEST',
  ERR_INVALID_URL: 'INVALID_REQUEST',
  ERR_INVALID_ARG_TYPE: 'INVALID_REQUEST',
  ERR_INVALID_ARG_VALUE: 'INVALID_REQUEST',
  UND_ERR_DESTROYED: 'CLIENT_CLOSED',
  UND_ERR_CLOSED: 'CLIENT_CLOSED',
};

const prefixCodes: Array<[RegExp, TransportErrorCode]> = [
  [/^HPE_/, 'PROTOCOL_ERROR'],
  [/^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_)/, 'TLS_ERROR'],
  [/^(Z_|ERR_BROTLI|ERR_ZLIB)/, 'DECOMPRESSION_FAILED'],
];

// Some errors carry no code at all; undici's HTTPParserError often has only its name.
const nameCodes: Record<string, TransportErrorCode> = { HTTPParserError: 'PROTOCOL_ERROR' };

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function mapCode(code: string): TransportErrorCode | undefined {
  return exactCodes[code] ?? prefixCodes.find(([pattern]) => pattern.test(code))?.[1];
}

/** The error itself, then its causes and aggregated errors (happy-eyeballs connects), breadth-first. */
function* errorChain(error: unknown): Generator<unknown> {
  const queue = [error];
  for (let seen = 0; queue.length > 0 && seen < 16; seen++) {
    const current = queue.shift();
    yield current;
    if (current instanceof Error) {
      if (current.cause !== undefined) queue.push(current.cause);
      if (current instanceof AggregateError) queue.push(...current.errors);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/**
 * Turns whatever undici, zlib or the socket threw into a stable `TransportError`.
 * An expired total deadline wins over the symptom it caused (an aborted socket).
 */
export function toTransportError(error: unknown, context: { isDeadlineExpired: boolean; timeoutMs: number }): TransportError {
  if (context.isDeadlineExpired) {
    return { code: 'TIMEOUT_TOTAL', message: `no complete response within ${context.timeoutMs} ms` };
  }
  for (const candidate of errorChain(error)) {
    const code = codeOf(candidate);
    const mapped = (code === undefined ? undefined : mapCode(code)) ?? (candidate instanceof Error ? nameCodes[candidate.name] : undefined);
    if (mapped) return { code: mapped, message: messageOf(candidate) };
  }
  return { code: 'UNKNOWN', message: messageOf(error) };
}
