import { afterEach, describe, expect, it } from 'vitest';
import { startControlServer, type ControlServer } from './control-server.js';
import { closeAll, fetchVia, proxyTo, startHttpUpstream } from './proxy.test-helper.js';

let control: ControlServer | undefined;
afterEach(async () => {
  await control?.close();
  control = undefined;
  await closeAll();
});

async function setUp() {
  const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
  const proxy = await proxyTo(upstream.url, { name: 'inventory' });
  control = await startControlServer({ listen: '127.0.0.1:0', proxies: [proxy] });
  return { upstream, proxy, control };
}

async function call(url: string, method: string, body?: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(url, { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('proxy control API', () => {
  it('lists proxies and adds, shows, updates and removes faults that act on live traffic', async () => {
    const { proxy, control } = await setUp();
    const listed = await call(`${control.url}/proxies`, 'GET');
    expect(listed.status).toBe(200);
    expect(listed.json?.['inventory']).toMatchObject({ name: 'inventory', mode: 'http', enabled: true, faults: [], listen: proxy.listen });

    const added = await call(`${control.url}/proxies/inventory/faults`, 'POST', { name: 'down', type: 'http_status', attributes: { status: 503 } });
    expect(added).toMatchObject({ status: 201, json: { name: 'down', type: 'http_status', stream: 'downstream', toxicity: 1, attributes: { status: 503 } } });
    expect((await fetchVia(proxy.url)).status).toBe(503);

    const updated = await call(`${control.url}/proxies/inventory/faults/down`, 'POST', { toxicity: 0 });
    expect(updated).toMatchObject({ status: 200, json: { toxicity: 0 } });
    expect((await fetchVia(proxy.url)).status).toBe(200);
    expect(await call(`${control.url}/proxies/inventory/toxics/down`, 'GET')).toMatchObject({ status: 200, json: { name: 'down' } });

    expect((await call(`${control.url}/proxies/inventory/faults/down`, 'DELETE', undefined, {})).status).toBe(204);
    expect((await call(`${control.url}/proxies/inventory/faults`, 'GET')).json).toEqual([]);
  });

  it('answers 400 with a clear message for an unknown type or a share outside 0..1, and keeps the proxy serving', async () => {
    const { proxy, control } = await setUp();
    expect(await call(`${control.url}/proxies/inventory/faults`, 'POST', { type: 'latncy' })).toEqual({
      status: 400,
      json: { status: 400, error: "type: unknown fault type 'latncy' (did you mean 'latency'?)" },
    });
    expect(await call(`${control.url}/proxies/inventory/faults`, 'POST', { type: 'timeout', toxicity: -0.1 })).toEqual({
      status: 400,
      json: { status: 400, error: 'toxicity: must be a share between 0 and 1 (got -0.1)' },
    });
    expect((await call(`${control.url}/proxies/inventory/faults`, 'POST', '{"type": ')).json?.['error']).toMatch(/^the body is not JSON/);
    expect((await fetchVia(proxy.url)).status).toBe(200);
  });

  it('answers 404 for unknown proxies and faults, 409 for a taken name, 405 for a wrong method', async () => {
    const { control } = await setUp();
    expect((await call(`${control.url}/proxies/nope`, 'GET')).json).toEqual({ status: 404, error: "no proxy 'nope' (known: inventory)" });
    expect((await call(`${control.url}/proxies/inventory/faults/nope`, 'DELETE', undefined, {})).status).toBe(404);
    await call(`${control.url}/proxies/inventory/faults`, 'POST', { type: 'latency' });
    expect((await call(`${control.url}/proxies/inventory/faults`, 'POST', { type: 'latency' })).status).toBe(409);
    expect((await call(`${control.url}/proxies`, 'DELETE', undefined, {})).status).toBe(405);
    expect((await call(`${control.url}/elsewhere`, 'GET')).status).toBe(404);
  });

  it('disables and enables a proxy, and resets everything', async () => {
    const { proxy, control } = await setUp();
    expect(await call(`${control.url}/proxies/inventory`, 'POST', { enabled: false })).toMatchObject({ status: 200, json: { enabled: false } });
    expect((await fetchVia(proxy.url)).error).toBe('ECONNREFUSED');
    await call(`${control.url}/proxies/inventory/faults`, 'POST', { type: 'timeout' });
    expect((await call(`${control.url}/reset`, 'POST')).status).toBe(204);
    expect((await fetchVia(proxy.url)).status).toBe(200);
    expect(proxy.faults()).toEqual([]);
  });

  it('refuses bodies that are not declared JSON, so a web page cannot add faults', async () => {
    const { control } = await setUp();
    const answer = await call(`${control.url}/proxies/inventory/faults`, 'POST', '{"type":"timeout"}', { 'content-type': 'text/plain' });
    expect(answer).toEqual({ status: 415, json: { status: 415, error: 'send the body as application/json' } });
  });

  it('refuses a non-loopback control address unless told to allow it', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    await expect(startControlServer({ listen: '0.0.0.0:0', proxies: [proxy] })).rejects.toThrow(
      /the control API would listen on 0\.0\.0\.0:0, where anyone who reaches it can break your dependencies; use a loopback address or pass --allow-remote-control/,
    );
  });
});
