import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, fetchVia, proxyTo, startHttpUpstream, startTcpUpstream, tcpExchange } from '../proxy.test-helper.js';

afterEach(closeAll);

describe('timeout fault', () => {
  it('black-holes HTTP requests: no answer, and the upstream never sees them', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'timeout', stream: 'upstream' });
    const answer = await fetchVia(proxy.url, { timeoutMs: 700 });
    expect(answer.error).toBe('client-timeout');
    expect(answer.status).toBeNull();
    expect(upstream.seen).toEqual([]);
  });

  it('holds the response on the downstream stream after the upstream did the work', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'timeout' });
    const answer = await fetchVia(`${proxy.url}/orders`, { method: 'POST', timeoutMs: 700 });
    expect(answer.error).toBe('client-timeout');
    expect(upstream.seen).toEqual(['POST /orders']);
  });

  it('closes the connection after the given timeout', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'timeout', attributes: { timeout: 300 } });
    const answer = await fetchVia(proxy.url, { timeoutMs: 4000 });
    expect(answer.status).toBeNull();
    expect(answer.error).not.toBe('client-timeout');
    expect(answer.ms).toBeGreaterThanOrEqual(250);
  });

  it('lets a held HTTP request go (its connection closed) when the fault is removed', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    const fault = proxy.addFault({ type: 'timeout' });
    const held = fetchVia(proxy.url, { timeoutMs: 4000 });
    setTimeout(() => proxy.removeFault(fault.name), 300);
    const answer = await held;
    expect(answer.error).not.toBe('client-timeout');
    expect((await fetchVia(proxy.url)).status).toBe(200);
  });

  it('drops TCP data while active and lets it flow again once removed', async () => {
    const upstream = await startTcpUpstream((socket) => socket.on('data', (data) => socket.end(data)));
    const proxy = await proxyTo(upstream.address);
    const port = Number(proxy.listen.split(':')[1]);
    const fault = proxy.addFault({ type: 'timeout' });
    const dropped = await tcpExchange(port, 'hello', 500);
    expect(dropped).toMatchObject({ error: 'client-timeout', firstByteMs: null });
    proxy.removeFault(fault.name);
    expect((await tcpExchange(port, 'hello')).data.toString()).toBe('hello');
  });
});
