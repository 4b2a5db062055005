import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import { faultlineVersion } from '../core/version.js';
import type { RecordedRequest } from '../core/finding.js';
import { readBoundedBody, type BodyLimits } from './interceptors/body-limit.js';
import { defaultAcceptEncoding } from './interceptors/decompress.js';
import { buildExchange, normalizeHeaders, recordRequest, recordResponse } from './interceptors/record.js';
import { checkSafety } from './interceptors/safety-guard.js';
import { phaseTimeouts, startDeadline } from './interceptors/timeouts.js';
import { toCurl } from './to-curl.js';
import { toTransportError } from './transport-error.js';
import type { Exchange, ExchangeResponse, HttpClient, HttpRequest, TransportError } from './types.js';

export interface HttpClientOptions {
  /** Wall-clock deadline per request, connect to last body byte. Default 5000. */
  readonly timeoutMs?: number;
  /** Idle limit until response headers arrive (undici headersTimeout). Default: just after timeoutMs. */
  readonly headersTimeoutMs?: number;
  /** Idle limit between body chunks (undici bodyTimeout). Default: just after timeoutMs. */
  readonly bodyTimeoutMs?: number;
  /** Decoded body bytes kept for evidence and JSON parsing. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Wire bytes read (kept or discarded) before the connection is destroyed. Default 8 MiB. */
  readonly maxReadBytes?: number;
  /** Bytes decompression may produce before the body counts as a bomb. Default: maxReadBytes. */
  readonly maxDecompressedBytes?: number;
  /** Allow destructive methods (anything but GET/HEAD/OPTIONS/TRACE) to non-loopback hosts. */
  readonly isUnsafeAllowed: boolean;
  /** Concurrent connections per origin. Default 16. */
  readonly connections?: number;
  /** Verify https certificates (default). False only under --insecure, for a self-signed staging API. */
  readonly isTlsVerified?: boolean;
  /** Default 'faultline/<version>'. */
  readonly userAgent?: string;
  /** Sent with every request; a request's own headers win. */
  readonly defaultHeaders?: Readonly<Record<string, string>>;
}

const mebibyte = 1024 * 1024;
// undici keeps a connect timer of its own; it only needs to outlast the deadline, which aborts first.
const connectBackstopMs = 1000;

function lowerCaseNames(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const lowered: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) lowered[name.toLowerCase()] = value;
  return lowered;
}

function parseTarget(raw: string): URL | TransportError {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { code: 'INVALID_REQUEST', message: `not a valid URL: ${raw}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { code: 'INVALID_REQUEST', message: `unsupported protocol ${url.protocol} (only http and https)` };
  }
  // The fragment is never sent (RFC 9110 §4.2.4); leaving it out keeps evidence and curl line honest.
  url.hash = '';
  return url;
}

/**
 * The one HTTP client faultline uses. Create one per run and reuse it: connections are pooled per origin.
 * `send()` never rejects for transport failures; they come back as `exchange.error`.
 *
 * @example
 * const client = createHttpClient({ isUnsafeAllowed: false });
 * const exchange = await client.send({ method: 'GET', url: 'http://127.0.0.1:3000/pets' });
 * const outcome = exchange.error?.code ?? exchange.response?.status; // 'TIMEOUT_TOTAL', 200, ...
 * await client.close();
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxReadBytes = options.maxReadBytes ?? 8 * mebibyte;
  const limits: BodyLimits = {
    maxBodyBytes: options.maxBodyBytes ?? mebibyte,
    maxReadBytes,
    maxDecompressedBytes: options.maxDecompressedBytes ?? maxReadBytes,
  };
  const baseHeaders = {
    'user-agent': options.userAgent ?? `faultline/${faultlineVersion()}`,
    ...lowerCaseNames(options.defaultHeaders),
  };
  // Redirects are not followed: the agent has no redirect interceptor, so 3xx and `location` reach checks.
  const agent = new Agent({ connections: options.connections ?? 16, connect: { timeout: timeoutMs + connectBackstopMs, rejectUnauthorized: options.isTlsVerified ?? true } });
  const counters = { requests: 0, errors: 0 };
  let closing: Promise<void> | undefined;

  function headersFor(request: HttpRequest): Record<string, string> {
    const headers: Record<string, string> = { ...baseHeaders, ...lowerCaseNames(request.headers) };
    if (headers['accept-encoding'] === undefined) headers['accept-encoding'] = defaultAcceptEncoding;
    return headers;
  }

  async function send(request: HttpRequest): Promise<Exchange> {
    counters.requests++;
    const startedAt = Date.now();
    const started = performance.now();
    const method = request.method.toUpperCase();
    const headers = headersFor(request);
    const target = parseTarget(request.url);
    const url = target instanceof URL ? target.href : request.url;
    const recorded: RecordedRequest = recordRequest(method, url, headers, request.body, limits.maxBodyBytes);

    function finish(response: ExchangeResponse | null, error: TransportError | undefined, ttfbMs?: number): Exchange {
      if (error) counters.errors++;
      const durationMs = performance.now() - started;
      return buildExchange({
        request: recorded,
        response,
        error,
        timings: ttfbMs === undefined ? { startedAt, durationMs } : { startedAt, durationMs, ttfbMs },
        curl: toCurl({ method, url, headers, ...(request.body !== undefined ? { body: request.body } : {}) }),
        label: request.label,
      });
    }

    if (closing) return finish(null, { code: 'CLIENT_CLOSED', message: 'the HTTP client was closed' });
    if (!(target instanceof URL)) return finish(null, target);
    const refusal = checkSafety(method, target, options.isUnsafeAllowed);
    if (refusal) return finish(null, refusal);

    const requestTimeoutMs = request.timeoutMs ?? timeoutMs;
    const deadline = startDeadline(requestTimeoutMs);
    const errorContext = () => ({ isDeadlineExpired: deadline.isExpired, timeoutMs: requestTimeoutMs });
    try {
      let result;
      try {
        result = await agent.request({
          origin: target.origin,
          path: `${target.pathname}${target.search}`,
          method,
          headers,
          body: request.body ?? null,
          signal: deadline.signal,
          ...phaseTimeouts(requestTimeoutMs, options),
        });
      } catch (error) {
        return finish(null, toTransportError(error, errorContext()));
      }
      const ttfbMs = performance.now() - started;
      const responseHeaders = normalizeHeaders(result.headers);
      const body = await readBoundedBody(result.body, responseHeaders['content-encoding'], limits, deadline.signal);
      const response = recordResponse({
        method,
        status: result.statusCode,
        headers: responseHeaders,
        body,
        durationMs: performance.now() - started,
      });
      return finish(response, body.error === undefined ? undefined : toTransportError(body.error, errorContext()), ttfbMs);
    } finally {
      deadline.dispose();
    }
  }

  return {
    send,
    close() {
      closing ??= agent.close();
      return closing;
    },
    get stats() {
      return { ...counters };
    },
  };
}
