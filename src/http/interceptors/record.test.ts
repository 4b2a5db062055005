import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../client.js';
import { startTestServer, type TestServer } from '../test-support/hostile-server.js';
import type { HttpClient } from '../types.js';
import type { BoundedBody } from './body-limit.js';
import { describeRequestBody, isJsonContentType, normalizeHeaders, recordResponse } from './record.js';

let server: TestServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

function wholeBody(text: string): BoundedBody {
  const kept = Buffer.from(text);
  return { kept, bodyBytes: kept.length, isTruncated: false };
}

describe('normalizeHeaders', () => {
  it('lower-cases names, joins repeats with comma-space and set-cookie with a newline', () => {
    expect(normalizeHeaders({ 'X-Multi': ['a', 'b'], 'x-multi': 'c', 'Set-Cookie': ['a=1; Expires=Wed, 21 Oct 2015', 'b=2'], skipped: undefined })).toEqual({
      'x-multi': 'a, b, c',
      'set-cookie': 'a=1; Expires=Wed, 21 Oct 2015\nb=2',
    });
  });
});

describe('isJsonContentType', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'application/problem+json', 'application/vnd.api+json', 'TEXT/JSON'])(
    'treats %s as JSON',
    (contentType) => expect(isJsonContentType(contentType)).toBe(true),
  );

  it.each(['text/html', 'application/jsonp', 'application/json-seq', 'application/x-ndjson', undefined])('does not treat %s as JSON', (contentType) => {
    expect(isJsonContentType(contentType)).toBe(false);
  });
});

describe('recordResponse', () => {
  const base = { method: 'GET', status: 200, headers: { 'content-type': 'application/json' }, durationMs: 1 };

  it('reports an empty JSON body as a jsonError, except where no content is allowed', () => {
    expect(recordResponse({ ...base, body: wholeBody('') }).jsonError).toBe('empty body');
    expect(recordResponse({ ...base, status: 204, body: wholeBody('') }).jsonError).toBeUndefined();
    expect(recordResponse({ ...base, method: 'HEAD', body: wholeBody('') }).jsonError).toBeUndefined();
  });

  it('does not parse a body that is not JSON-typed', () => {
    const response = recordResponse({ ...base, headers: { 'content-type': 'text/plain' }, body: wholeBody('{"a":1}') });
    expect(response.json).toBeUndefined();
    expect(response.jsonError).toBeUndefined();
  });

  it('parses JSON bodies that are plain values too', () => {
    expect(recordResponse({ ...base, body: wholeBody('null') })).toMatchObject({ json: null });
    expect(recordResponse({ ...base, body: wholeBody('"text"') })).toMatchObject({ json: 'text' });
  });
});

describe('describeRequestBody', () => {
  it('keeps text, truncates it to the limit and replaces binary with a placeholder', () => {
    expect(describeRequestBody('héllo', 100)).toBe('héllo');
    expect(describeRequestBody('abcdef', 3)).toBe('abc');
    expect(describeRequestBody(new Uint8Array([0xff, 0xfe, 0x00]), 100)).toBe('[binary body, 3 bytes]');
    expect(describeRequestBody(new TextEncoder().encode('{"a":1}'), 100)).toBe('{"a":1}');
  });
});

describe('recording a live exchange', () => {
  it('records the request headers exactly as the server received them', async () => {
    server = await startTestServer((_req, res) => res.end());
    client = createHttpClient({ isUnsafeAllowed: false, defaultHeaders: { 'X-Run': 'r1' } });
    const exchange = await client.send({ method: 'GET', url: server.url, headers: { Accept: 'application/json' } });
    const received = server.received[0]!.headers;
    for (const [name, value] of Object.entries(exchange.request.headers)) expect(received[name]).toBe(value);
    expect(Object.keys(exchange.request.headers).sort()).toEqual(['accept', 'accept-encoding', 'user-agent', 'x-run']);
  });

  it('records multi-valued response headers joined, with set-cookie kept apart', async () => {
    server = await startTestServer((_req, res) => {
      res.setHeader('Set-Cookie', ['sid=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT', 'theme=dark']);
      res.setHeader('X-Multi', ['one', 'two']);
      res.setHeader('Content-Type', 'text/plain');
      res.end('hi');
    });
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.response?.headers['set-cookie']).toBe('sid=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT\ntheme=dark');
    expect(exchange.response?.headers['x-multi']).toBe('one, two');
    expect(exchange.response?.headers['content-type']).toBe('text/plain');
    expect(exchange.response?.body).toBe('hi');
    expect(exchange.response?.durationMs).toBeTypeOf('number');
    expect(exchange.timings.startedAt).toBeTypeOf('number');
  });

  it('records a HEAD response without a body or a JSON error', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '20' });
      res.end();
    });
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'HEAD', url: server.url });
    expect(exchange.error).toBeUndefined();
    expect(exchange.response).toMatchObject({ status: 200, body: '', bodyBytes: 0, bodyTruncated: false });
    expect(exchange.response?.jsonError).toBeUndefined();
  });
});
