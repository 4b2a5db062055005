import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, fetchVia, proxyTo, startHttpUpstream, startTcpUpstream, tcpExchange } from '../proxy.test-helper.js';

afterEach(closeAll);

describe('reset_peer fault', () => {
  it('resets the client connection before the request reaches the upstream', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'reset_peer', stream: 'upstream' });
    const answer = await fetchVia(proxy.url);
    expect(answer.error).toBe('ECONNRESET');
    expect(upstream.seen).toEqual([]);
  });

  it('on the downstream stream, lets the upstream do the work and loses the answer', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'reset_peer' });
    const answer = await fetchVia(`${proxy.url}/pay`, { method: 'POST' });
    expect(answer.error).toBe('ECONNRESET');
    expect(upstream.seen).toEqual(['POST /pay']);
  });

  it('resets a TCP connection after the given timeout', async () => {
    const upstream = await startTcpUpstream(() => {});
    const proxy = await proxyTo(upstream.address);
    proxy.addFault({ type: 'reset_peer', attributes: { timeout: 200 } });
    const answer = await tcpExchange(Number(proxy.listen.split(':')[1]), 'hi', 3000);
    expect(answer.error).toBe('ECONNRESET');
    expect(answer.endMs).toBeGreaterThanOrEqual(150);
  });
});
