import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, fetchVia, proxyTo, startHttpUpstream, startTcpUpstream, tcpExchange } from '../proxy.test-helper.js';

afterEach(closeAll);

describe('slow_close fault', () => {
  it('holds the connection close after the data in TCP mode', async () => {
    const upstream = await startTcpUpstream((socket) => socket.end('bye'));
    const proxy = await proxyTo(upstream.address);
    proxy.addFault({ type: 'slow_close', attributes: { delay: 500 } });
    const answer = await tcpExchange(Number(proxy.listen.split(':')[1]));
    expect(answer.data.toString()).toBe('bye');
    expect(answer.error).toBeNull();
    expect(answer.firstByteMs).toBeLessThan(400);
    expect(answer.endMs - answer.firstByteMs!).toBeGreaterThanOrEqual(450);
  });

  it('holds the end of a chunked HTTP response', async () => {
    const upstream = await startHttpUpstream((_request, response) => {
      response.write('part');
      response.end();
    });
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'slow_close', attributes: { delay: 500 } });
    const answer = await fetchVia(proxy.url);
    expect(answer).toMatchObject({ status: 200, error: null });
    expect(answer.body.toString()).toBe('part');
    expect(answer.ms).toBeGreaterThanOrEqual(450);
  });
});
