import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { faultlineVersion } from '../core/version.js';
import { createHttpClient } from './client.js';
import { startTestServer, unusedPort, type TestServer } from './test-support/hostile-server.js';
import type { HttpClient } from './types.js';

let server: TestServer | undefined;
let client: HttpClient | undefined;
let tcpServer: TcpServer | undefined;

afterEach(async () => {
  await new Promise((resolve) => (tcpServer ? tcpServer.close(resolve) : resolve(undefined)));
  tcpServer = undefined;
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

describe('createHttpClient', () => {
  it('records a normal JSON exchange with request, response, parsed body and a curl line', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ id: 7, name: 'Rex' }));
    });
    client = createHttpClient({ isUnsafeAllowed: false, userAgent: 'faultline-test' });
    const exchange = await client.send({
      method: 'post',
      url: `${server.url}/pets?x=1#frag`,
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":"Rex"}',
      label: 'create-pet',
    });

    expect(exchange.error).toBeUndefined();
    expect(exchange.label).toBe('create-pet');
    expect(exchange.request).toEqual({
      method: 'POST',
      url: `${server.url}/pets?x=1`,
      headers: { 'user-agent': 'faultline-test', 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' },
      body: '{"name":"Rex"}',
    });
    expect(exchange.response?.status).toBe(201);
    expect(exchange.response?.json).toEqual({ id: 7, name: 'Rex' });
    expect(exchange.response?.jsonError).toBeUndefined();
    expect(exchange.response?.bodyTruncated).toBe(false);
    expect(exchange.response?.bodyBytes).toBe(Buffer.byteLength('{"id":7,"name":"Rex"}'));
    expect(exchange.timings.ttfbMs).toBeTypeOf('number');
    expect(exchange.curl).toContain(`-X POST '${server.url}/pets?x=1'`);
    expect(server.received[0]).toMatchObject({ method: 'POST', url: '/pets?x=1' });
    expect(server.received[0]?.body.toString()).toBe('{"name":"Rex"}');
    expect(client.stats).toEqual({ requests: 1, errors: 0 });
  });

  it('returns invalid JSON as jsonError instead of throwing', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"truncated": ');
    });
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.error).toBeUndefined();
    expect(exchange.response?.json).toBeUndefined();
    expect(exchange.response?.jsonError).toMatch(/JSON/);
    expect(exchange.response?.body).toBe('{"truncated": ');
  });

  it('reports a socket destroyed mid-response as CONNECTION_RESET and keeps the partial body', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"items": [1, 2, 3');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.error?.code).toBe('CONNECTION_RESET');
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.body).toBe('{"items": [1, 2, 3');
    expect(exchange.response?.bodyTruncated).toBe(true);
    expect(exchange.response?.jsonError).toMatch(/incomplete/);
    expect(client.stats.errors).toBe(1);
  });

  it('reports a socket destroyed before any response as CONNECTION_RESET with no response', async () => {
    server = await startTestServer((req) => {
      req.socket.destroy();
    });
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.response).toBeNull();
    expect(exchange.error?.code).toBe('CONNECTION_RESET');
  });

  it('reports a malformed HTTP response as PROTOCOL_ERROR', async () => {
    tcpServer = createTcpServer((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nbroken header line\r\n\r\n'));
    });
    await new Promise<void>((resolve) => tcpServer!.listen(0, '127.0.0.1', resolve));
    const { port } = tcpServer.address() as AddressInfo;
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: `http://127.0.0.1:${port}/` });
    expect(exchange.response).toBeNull();
    expect(exchange.error?.code).toBe('PROTOCOL_ERROR');
  });

  it('reports a refused connection as CONNECTION_REFUSED', async () => {
    const port = await unusedPort();
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: `http://127.0.0.1:${port}/` });
    expect(exchange.response).toBeNull();
    expect(exchange.error?.code).toBe('CONNECTION_REFUSED');
    expect(exchange.curl).toBe(`curl -sS -X GET 'http://127.0.0.1:${port}/' -H 'user-agent: faultline/${faultlineVersion()}' -H 'accept-encoding: gzip, deflate, br'`);
  });

  it('does not follow redirects and exposes the location header', async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/new' }).end();
      else res.writeHead(200).end('new');
    });
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: `${server.url}/old` });
    expect(exchange.response?.status).toBe(301);
    expect(exchange.response?.headers.location).toBe('/new');
    expect(server.received.map((r) => r.url)).toEqual(['/old']);
  });

  it('returns INVALID_REQUEST for a malformed URL or a non-HTTP scheme without throwing', async () => {
    client = createHttpClient({ isUnsafeAllowed: false });
    expect((await client.send({ method: 'GET', url: 'not a url' })).error?.code).toBe('INVALID_REQUEST');
    expect((await client.send({ method: 'GET', url: 'file:///etc/passwd' })).error?.code).toBe('INVALID_REQUEST');
    expect(client.stats).toEqual({ requests: 2, errors: 2 });
  });

  it('returns INVALID_REQUEST for a header value undici refuses to send', async () => {
    server = await startTestServer((_req, res) => res.end('ok'));
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'GET', url: server.url, headers: { 'x-evil': 'a\r\nx-injected: 1' } });
    expect(exchange.error?.code).toBe('INVALID_REQUEST');
    expect(server.received).toHaveLength(0);
  });

  it('reuses pooled connections across many sends', async () => {
    server = await startTestServer((_req, res) => res.end('ok'));
    client = createHttpClient({ isUnsafeAllowed: false, connections: 4 });
    const exchanges = await Promise.all(Array.from({ length: 200 }, () => client!.send({ method: 'GET', url: server!.url })));
    expect(exchanges.every((exchange) => exchange.response?.status === 200)).toBe(true);
    expect(server.connections).toBeLessThanOrEqual(4);
    expect(client.stats).toEqual({ requests: 200, errors: 0 });
  });

  it('answers CLIENT_CLOSED after close()', async () => {
    client = createHttpClient({ isUnsafeAllowed: false });
    await client.close();
    const exchange = await client.send({ method: 'GET', url: 'http://127.0.0.1:1/' });
    expect(exchange.error?.code).toBe('CLIENT_CLOSED');
  });

  it('sends default headers and lets the request override them', async () => {
    server = await startTestServer((_req, res) => res.end());
    client = createHttpClient({ isUnsafeAllowed: false, defaultHeaders: { Authorization: 'Bearer a', 'X-Run': 'r1' } });
    await client.send({ method: 'GET', url: server.url, headers: { authorization: 'Bearer b' } });
    expect(server.received[0]?.headers).toMatchObject({ authorization: 'Bearer b', 'x-run': 'r1' });
  });
});
