import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, fetchVia, proxyTo, startHttpUpstream, startTcpUpstream, tcpExchange } from '../proxy.test-helper.js';

afterEach(closeAll);

describe('limit_data fault', () => {
  it('closes a TCP connection after exactly the given number of bytes', async () => {
    const upstream = await startTcpUpstream((socket) => socket.end(Buffer.alloc(10_000, 'z')));
    const proxy = await proxyTo(upstream.address);
    proxy.addFault({ type: 'limit_data', attributes: { bytes: 1000 } });
    const answer = await tcpExchange(Number(proxy.listen.split(':')[1]));
    expect(answer.data.length).toBe(1000);
  });

  it('cuts an HTTP body short, so the client sees an incomplete response', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end(Buffer.alloc(5000, 'b')));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'limit_data', attributes: { bytes: 100 } });
    const answer = await fetchVia(proxy.url);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-length']).toBe('5000');
    expect(answer.body.length).toBe(100);
    expect(answer.error).not.toBeNull();
  });
});
