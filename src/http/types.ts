import type { RecordedRequest, RecordedResponse } from '../core/finding.js';

/** What a caller asks the client to send. Header names may be in any case; they are sent lower-cased. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** Total deadline for this request; overrides the client's `timeoutMs`. */
  readonly timeoutMs?: number;
  /** Free text carried into the exchange so callers can tell probes apart (e.g. 'auth.no-credentials'). */
  readonly label?: string;
}

/**
 * Stable codes for transport failures. A failure is data (the exchange carries it), never an exception:
 * a hostile server is what faultline is looking for.
 */
export type TransportErrorCode =
  | 'TIMEOUT_CONNECT'
  | 'TIMEOUT_HEADERS'
  | 'TIMEOUT_BODY'
  | 'TIMEOUT_TOTAL'
  | 'CONNECTION_RESET'
  | 'CONNECTION_REFUSED'
  | 'HOST_UNREACHABLE'
  | 'DNS_FAILURE'
  | 'TLS_ERROR'
  | 'PROTOCOL_ERROR'
  | 'BODY_TOO_LARGE'
  | 'DECOMPRESSION_BOMB'
  | 'DECOMPRESSION_FAILED'
  | 'UNSAFE_TARGET'
  | 'INVALID_REQUEST'
  | 'CLIENT_CLOSED'
  | 'UNKNOWN';

export interface TransportError {
  readonly code: TransportErrorCode;
  readonly message: string;
}

export interface ExchangeResponse extends RecordedResponse {
  /** Body bytes read after decoding, including bytes read but not kept. */
  readonly bodyBytes: number;
  /** Parsed body when the content type is JSON-like and the whole body was read. */
  readonly json?: unknown;
  /** Why a JSON-like body has no `json` (invalid, empty, incomplete). */
  readonly jsonError?: string;
}

export interface ExchangeTimings {
  /** Epoch milliseconds when `send()` was called. */
  readonly startedAt: number;
  readonly durationMs: number;
  /** Milliseconds until the response headers arrived. */
  readonly ttfbMs?: number;
}

/** One request and what came back, including a partial response when the transport failed mid-way. */
export interface Exchange {
  readonly request: RecordedRequest;
  readonly response: ExchangeResponse | null;
  readonly error?: TransportError;
  readonly timings: ExchangeTimings;
  /** A copy-pasteable shell line that repeats the request. */
  readonly curl: string;
  readonly label?: string;
}

export interface HttpClientStats {
  /** Calls to `send()`, including ones refused before anything was sent. */
  readonly requests: number;
  /** Exchanges that carry an `error`. */
  readonly errors: number;
}

export interface HttpClient {
  /** Never rejects for transport failures: they come back as `exchange.error`. */
  send(request: HttpRequest): Promise<Exchange>;
  close(): Promise<void>;
  readonly stats: HttpClientStats;
}
