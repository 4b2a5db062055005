import { subscribe } from 'node:diagnostics_channel';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../client.js';
import { startTestServer, type TestServer } from '../test-support/hostile-server.js';
import type { HttpClient } from '../types.js';
import { checkSafety, isLoopbackUrl, isRequestAllowed } from './safety-guard.js';

let server: TestServer | undefined;
let client: HttpClient | undefined;
const createdRequests: unknown[] = [];
function onRequestCreated(message: unknown): void {
  createdRequests.push(message);
}
// undici announces every request it creates here; an empty list proves nothing reached undici.
subscribe('undici:request:create', onRequestCreated);

afterEach(async () => {
  createdRequests.length = 0;
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

describe('isLoopbackUrl', () => {
  it.each([
    'http://127.0.0.1:8080/x',
    'http://127.255.0.9/',
    'http://localhost/',
    'http://LOCALHOST.:3000/',
    'http://[::1]:3000/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://[::ffff:127.0.0.1]/',
  ])('treats %s as loopback', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });

  it.each([
    'http://192.0.2.1/',
    'http://128.0.0.1/',
    'http://10.0.0.1/',
    'http://[::2]/',
    'http://localhost.example.com/',
    'http://127.0.0.1.nip.io/',
    'http://0.0.0.0/',
    'not a url',
  ])('does not treat %s as loopback', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
});

describe('isRequestAllowed', () => {
  it('allows safe methods to any host', () => {
    expect(isRequestAllowed('GET', 'http://192.0.2.1/', false)).toBe(true);
    expect(isRequestAllowed('head', 'https://api.example.com/', false)).toBe(true);
    expect(isRequestAllowed('OPTIONS', 'https://api.example.com/', false)).toBe(true);
  });

  it('refuses destructive and unknown methods off loopback unless unsafe is allowed', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post', 'PURGE']) {
      expect(isRequestAllowed(method, 'http://192.0.2.1/', false)).toBe(false);
      expect(isRequestAllowed(method, 'http://192.0.2.1/', true)).toBe(true);
      expect(isRequestAllowed(method, 'http://127.0.0.1:9/', false)).toBe(true);
    }
  });

  it('explains a refusal with UNSAFE_TARGET', () => {
    expect(checkSafety('DELETE', 'http://192.0.2.1/pets/1', false)?.code).toBe('UNSAFE_TARGET');
    expect(checkSafety('DELETE', 'http://127.0.0.1/pets/1', false)).toBeUndefined();
  });
});

describe('safety guard on the client', () => {
  it('sends a POST to a loopback server', async () => {
    server = await startTestServer((_req, res) => res.writeHead(201).end());
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'POST', url: `${server.url}/pets`, body: '{}' });
    expect(exchange.error).toBeUndefined();
    expect(exchange.response?.status).toBe(201);
    expect(server.received.map((request) => request.method)).toEqual(['POST']);
    expect(createdRequests).toHaveLength(1);
  });

  it('refuses a POST to a non-loopback address before undici creates any request', async () => {
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 60_000 });
    const notYet = new Promise((resolve) => setImmediate(() => resolve('not answered before the next event-loop turn')));
    const exchange = await Promise.race([client.send({ method: 'POST', url: 'http://192.0.2.1/pets', body: '{}' }), notYet]);
    expect(exchange).toMatchObject({ response: null, error: { code: 'UNSAFE_TARGET' } });
    expect(createdRequests).toEqual([]);
    expect(client.stats).toEqual({ requests: 1, errors: 1 });
  });

  it('refuses a DELETE to a named host without resolving it', async () => {
    client = createHttpClient({ isUnsafeAllowed: false });
    const exchange = await client.send({ method: 'DELETE', url: 'http://api.example.invalid/pets/1' });
    expect(exchange.error?.code).toBe('UNSAFE_TARGET');
    expect(createdRequests).toEqual([]);
    expect(exchange.curl).toContain("-X DELETE 'http://api.example.invalid/pets/1'");
  });
});
