import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, fetchVia, proxyTo, startHttpUpstream, startTcpUpstream, tcpExchange } from '../proxy.test-helper.js';

afterEach(closeAll);

const body = Buffer.alloc(40 * 1024, 'x');

describe('bandwidth fault', () => {
  it('slows an HTTP body to the asked rate and delivers every byte', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end(body));
    const proxy = await proxyTo(upstream.url);
    const direct = await fetchVia(upstream.url);
    proxy.addFault({ type: 'bandwidth', attributes: { rate: 40 } });
    const limited = await fetchVia(proxy.url);
    expect(limited.error).toBeNull();
    expect(limited.body.length).toBe(body.length);
    // 40 KB at 40 KB/s is about a second; the bound only says it was held back.
    expect(limited.ms).toBeGreaterThanOrEqual(700);
    expect(limited.ms).toBeLessThan(5000);
    expect(direct.ms).toBeLessThan(500);
  });

  it('limits the upstream stream in TCP mode', async () => {
    let received = 0;
    let firstAt = 0;
    let lastAt = 0;
    const upstream = await startTcpUpstream((socket) =>
      socket.on('data', (data) => {
        firstAt ||= Date.now();
        lastAt = Date.now();
        received += data.length;
        if (received >= 20 * 1024) socket.end('done');
      }),
    );
    const proxy = await proxyTo(upstream.address);
    proxy.addFault({ type: 'bandwidth', stream: 'upstream', attributes: { rate: 20 } });
    const answer = await tcpExchange(Number(proxy.listen.split(':')[1]), Buffer.alloc(20 * 1024, 'y'), 8000);
    expect(answer.data.toString()).toBe('done');
    expect(received).toBe(20 * 1024);
    expect(lastAt - firstAt).toBeGreaterThanOrEqual(600);
  });
});
