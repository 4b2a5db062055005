import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import type { SyntheticResponse } from '../types.js';
import { defineFault } from './define.js';

interface StatusAttributes {
  readonly status: number;
  readonly body?: string | undefined;
  readonly retry_after?: number | undefined;
  readonly reach_upstream: boolean;
}

/** An RFC 9457 problem body, unless the fault gives a body of its own. */
function answer(attributes: StatusAttributes): SyntheticResponse {
  const title = STATUS_CODES[attributes.status] ?? 'Error';
  const body =
    attributes.body ?? JSON.stringify({ type: 'about:blank', title, status: attributes.status, detail: 'Injected by the faultline proxy.' });
  const headers: Record<string, string> = {
    'content-type': attributes.body === undefined ? 'application/problem+json' : 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
  };
  if (attributes.retry_after !== undefined) headers['retry-after'] = String(attributes.retry_after);
  return { status: attributes.status, headers, body: Buffer.from(body) };
}

export const httpStatus = defineFault({
  type: 'http_status',
  summary: 'Answers with status (500, 502, 503, 429…) instead of the upstream; with reach_upstream, after the upstream did the work',
  level: 'http',
  streams: ['downstream'],
  attributes: z.strictObject({
    status: z.number().int().min(100).max(599).default(503),
    body: z.string().max(65_536).optional(),
    retry_after: z.number().int().min(0).optional(),
    reach_upstream: z.boolean().default(false),
  }),
  onRequest(attributes) {
    return attributes.reach_upstream ? undefined : answer(attributes);
  },
  onResponse(attributes, response) {
    if (!attributes.reach_upstream) return undefined;
    const made = answer(attributes);
    response.status = made.status;
    response.headers = { ...made.headers };
    return made.body;
  },
});
