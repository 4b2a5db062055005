import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../client.js';
import { startTestServer, type TestServer } from '../test-support/hostile-server.js';
import type { HttpClient } from '../types.js';
import { DeadlineError, phaseTimeouts, startDeadline } from './timeouts.js';

let server: TestServer | undefined;
let client: HttpClient | undefined;
const timers: NodeJS.Timeout[] = [];

afterEach(async () => {
  for (const timer of timers.splice(0)) clearInterval(timer);
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

describe('startDeadline', () => {
  it('aborts its signal with a DeadlineError once the time is up', async () => {
    const deadline = startDeadline(20);
    await new Promise((resolve) => deadline.signal.addEventListener('abort', resolve));
    expect(deadline.isExpired).toBe(true);
    expect(deadline.signal.reason).toBeInstanceOf(DeadlineError);
  });

  it('never fires after dispose()', async () => {
    const deadline = startDeadline(10);
    deadline.dispose();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(deadline.signal.aborted).toBe(false);
    expect(deadline.isExpired).toBe(false);
  });
});

describe('phaseTimeouts', () => {
  it('uses the caller’s phase timeouts and otherwise sits behind the total deadline', () => {
    expect(phaseTimeouts(5000, { headersTimeoutMs: 100 })).toEqual({ headersTimeout: 100, bodyTimeout: 6000 });
    expect(phaseTimeouts(5000, {})).toEqual({ headersTimeout: 6000, bodyTimeout: 6000 });
  });
});

describe('timeouts on a live exchange', () => {
  it('ends an exchange with a server that never answers with a timeout error', async () => {
    server = await startTestServer(() => {
      // never answers
    });
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 300 });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.response).toBeNull();
    expect(exchange.error?.code).toBe('TIMEOUT_TOTAL');
  });

  it('ends a one-byte-every-200-ms drip at the total deadline, keeping the bytes that arrived', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      timers.push(setInterval(() => res.write('.'), 200));
    });
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 1000 });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.error?.code).toBe('TIMEOUT_TOTAL');
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.bodyTruncated).toBe(true);
    expect(exchange.response?.body).toMatch(/^\.*$/);
  });

  it('reports TIMEOUT_HEADERS when the caller’s headers timeout passes first', async () => {
    server = await startTestServer(() => {
      // never answers
    });
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 10_000, headersTimeoutMs: 200 });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.error?.code).toBe('TIMEOUT_HEADERS');
  });

  it('reports TIMEOUT_BODY when the body stalls longer than the caller’s body timeout', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200);
      res.write('partial');
    });
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 10_000, bodyTimeoutMs: 200 });
    const exchange = await client.send({ method: 'GET', url: server.url });
    expect(exchange.error?.code).toBe('TIMEOUT_BODY');
    expect(exchange.response?.body).toBe('partial');
  });

  it('lets one request set its own deadline', async () => {
    server = await startTestServer(() => {
      // never answers
    });
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 60_000 });
    const exchange = await client.send({ method: 'GET', url: server.url, timeoutMs: 200 });
    expect(exchange.error).toEqual({ code: 'TIMEOUT_TOTAL', message: 'no complete response within 200 ms' });
  });
});
