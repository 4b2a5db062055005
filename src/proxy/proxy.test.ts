import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isFaultlineError } from '../core/errors.js';
import { closeAll, fetchVia, proxyTo, startHttpUpstream, startTcpUpstream, tcpExchange } from './proxy.test-helper.js';
import { startProxy } from './proxy.js';

afterEach(closeAll);

function portOf(listen: string): number {
  return Number(listen.split(':').pop());
}

describe('fault proxy', () => {
  it('forwards HTTP requests with method, path, query, headers and body', async () => {
    const upstream = await startHttpUpstream((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => response.end(JSON.stringify({ url: request.url, method: request.method, body: Buffer.concat(chunks).toString(), auth: request.headers['authorization'] })));
    });
    const proxy = await proxyTo(upstream.url);
    const answer = await fetchVia(`${proxy.url}/orders?limit=2`, { method: 'PUT', headers: { authorization: 'Bearer x', 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(JSON.parse(answer.body.toString())).toEqual({ url: '/orders?limit=2', method: 'PUT', body: '{"a":1}', auth: 'Bearer x' });
  });

  it('answers 502 naming the proxy while the HTTP upstream is down, and keeps serving', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url, { name: 'inventory' });
    await upstream.close();
    const answer = await fetchVia(`${proxy.url}/stock/1`);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body.toString()).detail).toMatch(/faultline proxy 'inventory' could not reach http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    expect(proxy.addFault({ type: 'latency', attributes: { latency: 1 } }).name).toBe('latency_downstream');
    expect((await fetchVia(`${proxy.url}/again`)).status).toBe(502);
  });

  it('closes the client connection while a TCP upstream is down', async () => {
    const upstream = await startTcpUpstream(() => {});
    const proxy = await proxyTo(upstream.address);
    await upstream.close();
    const answer = await tcpExchange(portOf(proxy.listen), 'hello', 3000);
    expect(answer.error).not.toBe('client-timeout');
    expect(answer.data.length).toBe(0);
  });

  it('refuses a port that is in use with one clear error', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const first = await proxyTo(upstream.url);
    const error = await startProxy({ name: 'second', listen: first.listen, upstream: upstream.url }).catch((e: unknown) => e);
    expect(isFaultlineError(error) && error.code).toBe('E_USAGE');
    expect((error as Error).message).toBe(`${first.listen} is already in use (proxy 'second')`);
  });

  it('refuses unknown fault types, shares outside 0..1 and unknown attributes', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    expect(() => proxy.addFault({ type: 'latncy' })).toThrow("unknown fault type 'latncy' (did you mean 'latency'?)");
    expect(() => proxy.addFault({ type: 'meteor' })).toThrow(/unknown fault type 'meteor' \(known: latency, bandwidth/);
    expect(() => proxy.addFault({ type: 'latency', toxicity: 1.5 })).toThrow('must be a share between 0 and 1 (got 1.5)');
    expect(() => proxy.addFault({ type: 'latency', attributes: { latency: 10, delay: 5 } })).toThrow(/Unrecognized key/);
    expect(() => proxy.addFault({ type: 'latency', stream: 'sideways' })).toThrow(/expected 'upstream' or 'downstream'/);
    expect(proxy.faults()).toEqual([]);
    expect((await fetchVia(proxy.url)).status).toBe(200);
  });

  it('refuses connections while disabled and serves again on the same port once enabled', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    const listen = proxy.listen;
    await proxy.setEnabled(false);
    expect((await fetchVia(proxy.url)).error).toBe('ECONNREFUSED');
    await proxy.setEnabled(true);
    expect(proxy.listen).toBe(listen);
    expect((await fetchVia(proxy.url)).status).toBe(200);
  });

  it('counts the connections, requests and bytes it carried', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('0123456789'));
    const proxy = await proxyTo(upstream.url);
    const before = proxy.traffic();
    await fetchVia(proxy.url, { method: 'POST', body: 'abc' });
    await fetchVia(proxy.url);
    const after = proxy.traffic();
    expect(after.requests - before.requests).toBe(2);
    expect(after.connections - before.connections).toBe(2);
    expect(after.bytesFromClients - before.bytesFromClients).toBe(3);
    expect(after.bytesFromUpstream - before.bytesFromUpstream).toBe(20);
  });

  it('applies a fault added while a TCP connection is open, and lifts it when removed', async () => {
    const upstream = await startTcpUpstream((socket) => socket.on('data', (data) => socket.write(data)));
    const proxy = await proxyTo(upstream.address);
    const socket = connect({ host: '127.0.0.1', port: portOf(proxy.listen) });
    const roundTrip = () =>
      new Promise<number>((resolve) => {
        const startedAt = performance.now();
        socket.once('data', () => resolve(performance.now() - startedAt));
        socket.write('ping');
      });
    await new Promise((resolve) => socket.once('connect', resolve));
    const plain = await roundTrip();
    const fault = proxy.addFault({ type: 'latency', attributes: { latency: 400 } });
    const delayed = await roundTrip();
    proxy.removeFault(fault.name);
    const lifted = await roundTrip();
    socket.destroy();
    expect(delayed).toBeGreaterThanOrEqual(380);
    expect(plain).toBeLessThan(delayed - 200);
    expect(lifted).toBeLessThan(delayed - 200);
  });

  it('changes a fault in place: new attributes, same place in the list', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'http_status', name: 'errors', toxicity: 0 });
    proxy.addFault({ type: 'http_header', attributes: { set: { 'x-a': '1' } } });
    expect((await fetchVia(proxy.url)).status).toBe(200);
    const updated = proxy.updateFault('errors', { toxicity: 1, attributes: { status: 503 } });
    expect(updated).toMatchObject({ name: 'errors', toxicity: 1, attributes: { status: 503, reach_upstream: false } });
    expect(proxy.faults().map((f) => f.name)).toEqual(['errors', 'http_header_downstream']);
    expect((await fetchVia(proxy.url)).status).toBe(503);
    expect(() => proxy.addFault({ type: 'http_status', name: 'errors' })).toThrow(/already has a fault named 'errors'/);
  });
});
