import { afterEach, describe, expect, it } from 'vitest';
import { createProxyControlClient, ProxyControlError } from './control-client.js';
import { startControlServer, type ControlServer } from './control-server.js';
import { closeAll, fetchVia, proxyTo, startHttpUpstream } from './proxy.test-helper.js';

let control: ControlServer | undefined;
afterEach(async () => {
  await control?.close();
  control = undefined;
  await closeAll();
});

describe('proxy control client', () => {
  it('drives a running proxy: add a fault for the length of a test, then it is gone', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url, { name: 'inventory' });
    control = await startControlServer({ listen: '127.0.0.1:0', proxies: [proxy] });
    const client = createProxyControlClient(control.url);
    expect(await client.version()).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(await client.proxies())).toEqual(['inventory']);
    const status = await client.withFault('inventory', { type: 'http_status', attributes: { status: 503 } }, async () => (await fetchVia(proxy.url)).status);
    expect(status).toBe(503);
    expect(await client.faults('inventory')).toEqual([]);
    const added = await client.addFault('inventory', { type: 'latency', attributes: { latency: 5 } });
    expect(await client.updateFault('inventory', added.name, { attributes: { jitter: 2 } })).toMatchObject({ attributes: { latency: 5, jitter: 2 } });
    expect((await client.setEnabled('inventory', false)).enabled).toBe(false);
    await client.reset();
    expect(await client.proxy('inventory')).toMatchObject({ enabled: true, faults: [] });
  });

  it('throws ProxyControlError with the status and the server message', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url, { name: 'inventory' });
    control = await startControlServer({ listen: '127.0.0.1:0', proxies: [proxy] });
    const client = createProxyControlClient(control.url);
    const error = await client.addFault('inventory', { type: 'latency', toxicity: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyControlError);
    expect(error).toMatchObject({ status: 400, message: 'toxicity: must be a share between 0 and 1 (got 2)' });
    await expect(client.proxy('other')).rejects.toMatchObject({ status: 404 });
  });

  it('says so in one line when the control API cannot be reached', async () => {
    const client = createProxyControlClient('http://127.0.0.1:9');
    await expect(client.proxies()).rejects.toThrow(/^cannot reach the proxy control API at http:\/\/127\.0\.0\.1:9: /);
  });
});
