import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../client.js';
import { measurePeakRssGrowth, startTestServer, writeRepeated, type TestServer } from '../test-support/hostile-server.js';
import type { HttpClient } from '../types.js';
import { BodyLimitError, readBoundedBody } from './body-limit.js';

const mebibyte = 1024 * 1024;
let server: TestServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

const limits = { maxBodyBytes: 10, maxReadBytes: 100, maxDecompressedBytes: 1000 };

describe('readBoundedBody', () => {
  it('keeps the head of a body and counts the bytes it drops', async () => {
    const body = await readBoundedBody(Readable.from([Buffer.from('0123456'), Buffer.from('789abcdef')]), undefined, limits);
    expect(body.kept.toString()).toBe('0123456789');
    expect(body.bodyBytes).toBe(16);
    expect(body.isTruncated).toBe(true);
    expect(body.error).toBeUndefined();
  });

  it('stops with BODY_TOO_LARGE once more than maxReadBytes went by and destroys the stream', async () => {
    const source = Readable.from((function* endless() {
      for (;;) yield Buffer.alloc(30, 'a');
    })());
    const body = await readBoundedBody(source, undefined, limits);
    expect(body.error).toBeInstanceOf(BodyLimitError);
    expect((body.error as BodyLimitError).code).toBe('BODY_TOO_LARGE');
    expect(body.kept.length).toBe(10);
    expect(source.destroyed).toBe(true);
  });

  it('returns a stream error with what was read so far instead of throwing', async () => {
    const source = new Readable({ read() {} });
    source.push(Buffer.from('abc'));
    setImmediate(() => source.destroy(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })));
    const body = await readBoundedBody(source, undefined, limits);
    expect(body.kept.toString()).toBe('abc');
    expect(body.isTruncated).toBe(true);
    expect((body.error as { code?: string }).code).toBe('UND_ERR_SOCKET');
  });
});

describe('body limits on a live exchange', () => {
  it('keeps maxBodyBytes of a body somewhat over the limit, flags it truncated, and reports no error', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      void writeRepeated(res, 2 * mebibyte);
    });
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.error).toBeUndefined();
    expect(exchange.response?.body?.length).toBe(mebibyte);
    expect(exchange.response?.bodyBytes).toBe(2 * mebibyte);
    expect(exchange.response?.bodyTruncated).toBe(true);
    expect(exchange.response?.jsonError).toMatch(/incomplete/);
  });

  it('cuts a 50 MB body at maxReadBytes with BODY_TOO_LARGE, keeps the head, and stays within bounded memory', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * mebibyte) });
      void writeRepeated(res, 50 * mebibyte);
    });
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 30_000 });
    const { result: exchange, peakGrowthBytes } = await measurePeakRssGrowth(() => client!.send({ method: 'GET', url: server!.url }));
    expect(exchange.error?.code).toBe('BODY_TOO_LARGE');
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.body?.length).toBe(mebibyte);
    expect(exchange.response?.bodyTruncated).toBe(true);
    expect(exchange.response?.bodyBytes).toBeLessThanOrEqual(8 * mebibyte);
    expect(peakGrowthBytes).toBeLessThan(100 * mebibyte);
  });

  it('cuts an endless chunked body with BODY_TOO_LARGE and stays within bounded memory', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      void writeRepeated(res, Infinity, Buffer.from('1,'.repeat(32 * 1024)));
    });
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 30_000, maxBodyBytes: 1000, maxReadBytes: 4 * mebibyte });
    const { result: exchange, peakGrowthBytes } = await measurePeakRssGrowth(() => client!.send({ method: 'GET', url: server!.url }));
    expect(exchange.error?.code).toBe('BODY_TOO_LARGE');
    expect(exchange.response?.body).toBe(`[${'1,'.repeat(499)}1`);
    expect(exchange.response?.jsonError).toMatch(/incomplete/);
    expect(peakGrowthBytes).toBeLessThan(100 * mebibyte);
  });

  it('closes the connection of a body that was too large and serves the next request on a fresh one', async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/small') return res.end('small');
      res.writeHead(200);
      void writeRepeated(res, Infinity);
    });
    client = createHttpClient({ isUnsafeAllowed: false, connections: 1, maxReadBytes: mebibyte });
    const huge = await client.send({ method: 'GET', url: `${server.url}/huge` });
    const small = await client.send({ method: 'GET', url: `${server.url}/small` });
    expect(huge.error?.code).toBe('BODY_TOO_LARGE');
    expect(small.error).toBeUndefined();
    expect(small.response?.body).toBe('small');
    expect(server.connections).toBe(2);
  });

  it('lets the connection be used again after a body that fit', async () => {
    server = await startTestServer((_req, res) => res.end('small'));
    client = createHttpClient({ isUnsafeAllowed: false, connections: 1 });
    await client.send({ method: 'GET', url: server.url });
    const second = await client.send({ method: 'GET', url: server.url });
    expect(second.response?.body).toBe('small');
    expect(server.connections).toBe(1);
  });
});
