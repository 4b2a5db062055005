import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, fetchVia, proxyTo, startHttpUpstream, startTcpUpstream, tcpExchange } from '../proxy.test-helper.js';

afterEach(closeAll);

describe('latency fault', () => {
  it('adds its delay to every HTTP response, and stops adding it once removed', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    const fault = proxy.addFault({ type: 'latency', attributes: { latency: 400 } });
    const slow = await fetchVia(`${proxy.url}/a`);
    proxy.removeFault(fault.name);
    const fast = await fetchVia(`${proxy.url}/a`);
    expect(slow).toMatchObject({ status: 200, error: null });
    expect(slow.body.toString()).toBe('ok');
    // Generous bounds: this checks that the delay is there, not how precise the timer is.
    expect(slow.ms).toBeGreaterThanOrEqual(380);
    expect(slow.ms).toBeLessThan(3000);
    expect(fast.ms).toBeLessThan(slow.ms - 200);
  });

  it('delays the request on the upstream stream, before the upstream sees it', async () => {
    const arrivals: number[] = [];
    const upstream = await startHttpUpstream((_request, response) => {
      arrivals.push(Date.now());
      response.end('ok');
    });
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'latency', stream: 'upstream', attributes: { latency: 300 } });
    const sentAt = Date.now();
    const answer = await fetchVia(proxy.url);
    expect(answer.status).toBe(200);
    expect(arrivals[0]! - sentAt).toBeGreaterThanOrEqual(280);
  });

  it('spreads the delay over latency ± jitter', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'latency', attributes: { latency: 300, jitter: 200 } });
    const times = [];
    for (let i = 0; i < 6; i++) times.push((await fetchVia(proxy.url)).ms);
    for (const ms of times) {
      expect(ms).toBeGreaterThanOrEqual(90);
      expect(ms).toBeLessThan(3000);
    }
  });

  it('delays bytes of any protocol in TCP mode', async () => {
    const upstream = await startTcpUpstream((socket) => socket.on('data', (data) => socket.end(data)));
    const proxy = await proxyTo(upstream.address);
    expect(proxy.mode).toBe('tcp');
    proxy.addFault({ type: 'latency', attributes: { latency: 300 } });
    const echoed = await tcpExchange(Number(proxy.listen.split(':')[1]), 'PING\r\n');
    expect(echoed.data.toString()).toBe('PING\r\n');
    expect(echoed.firstByteMs).toBeGreaterThanOrEqual(280);
  });
});
