import { brotliCompressSync, createGzip, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../client.js';
import { measurePeakRssGrowth, startTestServer, type TestServer } from '../test-support/hostile-server.js';
import type { HttpClient } from '../types.js';
import { createDecoders, parseContentEncoding } from './decompress.js';

const mebibyte = 1024 * 1024;
let server: TestServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

/** 1 GiB of zeros, gzipped as a stream so the gigabyte never exists in memory (about 1 MB compressed). */
async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => gzip.on('end', resolve));
  const zeros = Buffer.alloc(mebibyte);
  for (let i = 0; i < 1024; i++) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await ended;
  return Buffer.concat(chunks);
}

async function serveEncoded(encoding: string, body: Buffer, contentType = 'application/json'): Promise<TestServer> {
  return startTestServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-encoding': encoding });
    res.end(body);
  });
}

describe('parseContentEncoding and createDecoders', () => {
  it('lists codings in the order applied and ignores identity', () => {
    expect(parseContentEncoding('GZIP, identity , br')).toEqual(['gzip', 'br']);
    expect(parseContentEncoding(undefined)).toEqual([]);
    expect(createDecoders('gzip, br')).toHaveLength(2);
    expect(createDecoders('identity')).toEqual([]);
  });

  it('returns null for a coding it cannot decode', () => {
    expect(createDecoders('gzip, zstd')).toBeNull();
  });
});

describe('decompression on a live exchange', () => {
  const payload = JSON.stringify({ pets: ['Rex', 'Tom'], note: 'x'.repeat(500) });

  it.each([
    ['gzip', gzipSync(payload)],
    ['deflate', deflateSync(payload)],
    ['br', brotliCompressSync(payload)],
    ['gzip, br', brotliCompressSync(gzipSync(payload))],
  ])('decodes a %s body and parses its JSON', async (encoding, encoded) => {
    server = await serveEncoded(encoding, encoded);
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.error).toBeUndefined();
    expect(exchange.response?.body).toBe(payload);
    expect(exchange.response?.bodyBytes).toBe(payload.length);
    expect(exchange.response?.json).toEqual(JSON.parse(payload));
  });

  it('asks for gzip, deflate and br only when the caller set no accept-encoding', async () => {
    server = await startTestServer((_req, res) => res.end());
    client = createHttpClient({ isUnsafeAllowed: false });
    await client.send({ method: 'GET', url: server.url });
    await client.send({ method: 'GET', url: server.url, headers: { 'Accept-Encoding': 'identity' } });
    expect(server.received.map((request) => request.headers['accept-encoding'])).toEqual(['gzip, deflate, br', 'identity']);
  });

  it('stops a 1 GiB gzip bomb with DECOMPRESSION_BOMB while memory stays bounded', async () => {
    const bomb = await gzipBomb();
    server = await serveEncoded('gzip', bomb, 'application/octet-stream');
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 30_000 });
    const { result: exchange, peakGrowthBytes } = await measurePeakRssGrowth(() => client!.send({ method: 'GET', url: server!.url }));
    expect(exchange.error?.code).toBe('DECOMPRESSION_BOMB');
    expect(exchange.response?.bodyTruncated).toBe(true);
    expect(exchange.response?.body?.length).toBe(mebibyte);
    expect(exchange.response?.bodyBytes).toBeLessThanOrEqual(9 * mebibyte);
    expect(peakGrowthBytes).toBeLessThan(100 * mebibyte);
  });

  it('reports a corrupt gzip body as DECOMPRESSION_FAILED', async () => {
    server = await serveEncoded('gzip', Buffer.from('this is not gzip'));
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.error?.code).toBe('DECOMPRESSION_FAILED');
    expect(exchange.response?.status).toBe(200);
  });

  it('keeps a body in an unknown coding as received and says it was not decoded', async () => {
    server = await serveEncoded('zstd', Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]));
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.error).toBeUndefined();
    expect(exchange.response?.body).toBe("[7 bytes encoded with 'zstd', not decoded]");
    expect(exchange.response?.jsonError).toMatch(/zstd/);
  });
});
