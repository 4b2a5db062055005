import type { RecordedRequest } from '../../core/finding.js';
import type { Exchange, ExchangeResponse, ExchangeTimings, TransportError } from '../types.js';
import type { BoundedBody } from './body-limit.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Response headers as one string per lower-case name. Repeated headers are joined with ', ' (RFC 9110
 * §5.3), except set-cookie, whose values may themselves contain commas (RFC 6265 §3), joined with '\n'.
 */
export function normalizeHeaders(headers: Readonly<Record<string, string | readonly string[] | undefined>>): Record<string, string> {
  const normalized: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const name = rawName.toLowerCase();
    const values = typeof value === 'string' ? [value] : value;
    const separator = name === 'set-cookie' ? '\n' : ', ';
    const previous = normalized[name];
    const joined = values.join(separator);
    normalized[name] = previous === undefined ? joined : `${previous}${separator}${joined}`;
  }
  return normalized;
}

/** Request body as evidence text: UTF-8 text truncated to `maxBytes`, or a placeholder for binary. */
export function describeRequestBody(body: string | Uint8Array, maxBytes: number): string {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (typeof body !== 'string') {
    try {
      strictUtf8.decode(bytes);
    } catch {
      return `[binary body, ${bytes.length} bytes]`;
    }
  }
  if (bytes.length <= maxBytes) return typeof body === 'string' ? body : Buffer.from(bytes).toString('utf8');
  return Buffer.from(bytes.subarray(0, maxBytes)).toString('utf8');
}

export function recordRequest(
  method: string,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string | Uint8Array | undefined,
  maxBodyBytes: number,
): RecordedRequest {
  return body === undefined ? { method, url, headers } : { method, url, headers, body: describeRequestBody(body, maxBodyBytes) };
}

/** application/json, text/json, and structured-syntax suffixes such as application/problem+json. */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return /^(application|text)\/([a-z0-9.!#$&^_-]+\+)?json$/.test(mediaType);
}

// RFC 9110 §6.4.1: these responses never have content, so an empty JSON body there is not an error.
function hasNoContentByDefinition(method: string, status: number): boolean {
  return method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
}

function parseJson(text: string, body: BoundedBody, method: string, status: number): { json?: unknown; jsonError?: string } {
  if (body.isTruncated) return { jsonError: `body incomplete (${body.bodyBytes} bytes read, ${body.kept.length} kept); not parsed` };
  if (body.undecodedEncoding) return { jsonError: `body encoded with '${body.undecodedEncoding}', which is not decoded; not parsed` };
  if (text.length === 0) return hasNoContentByDefinition(method, status) ? {} : { jsonError: 'empty body' };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    return { jsonError: error instanceof Error ? error.message : String(error) };
  }
}

export function recordResponse(input: {
  method: string;
  status: number;
  headers: Readonly<Record<string, string>>;
  body: BoundedBody;
  durationMs: number;
}): ExchangeResponse {
  const { body, headers } = input;
  const text = body.undecodedEncoding
    ? `[${body.kept.length} bytes encoded with '${body.undecodedEncoding}', not decoded]`
    : body.kept.toString('utf8');
  const json = isJsonContentType(headers['content-type']) ? parseJson(text, body, input.method, input.status) : {};
  return {
    status: input.status,
    headers,
    body: text,
    bodyTruncated: body.isTruncated,
    bodyBytes: body.bodyBytes,
    durationMs: input.durationMs,
    ...json,
  };
}

export function buildExchange(parts: {
  request: RecordedRequest;
  response: ExchangeResponse | null;
  error: TransportError | undefined;
  timings: ExchangeTimings;
  curl: string;
  label: string | undefined;
}): Exchange {
  return {
    request: parts.request,
    response: parts.response,
    ...(parts.error ? { error: parts.error } : {}),
    timings: parts.timings,
    curl: parts.curl,
    ...(parts.label !== undefined ? { label: parts.label } : {}),
  };
}
