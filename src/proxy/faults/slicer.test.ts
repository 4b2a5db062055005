import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, fetchVia, proxyTo, startHttpUpstream, startTcpUpstream, tcpExchange } from '../proxy.test-helper.js';

afterEach(closeAll);

describe('slicer fault', () => {
  it('hands TCP data over in small delayed pieces, all of it and in order', async () => {
    const payload = Buffer.from(Array.from({ length: 1000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(''));
    const upstream = await startTcpUpstream((socket) => socket.end(payload));
    const proxy = await proxyTo(upstream.address);
    proxy.addFault({ type: 'slicer', attributes: { average_size: 100, size_variation: 20, delay: 20_000 } });
    const answer = await tcpExchange(Number(proxy.listen.split(':')[1]));
    expect(answer.data.equals(payload)).toBe(true);
    expect(answer.chunkSizes.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...answer.chunkSizes)).toBeLessThanOrEqual(240);
  });

  it('slices an HTTP body without changing it', async () => {
    const body = 'x'.repeat(2000);
    const upstream = await startHttpUpstream((_request, response) => response.end(body));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'slicer', attributes: { average_size: 200, delay: 5000 } });
    const answer = await fetchVia(proxy.url);
    expect(answer).toMatchObject({ status: 200, error: null });
    expect(answer.body.toString()).toBe(body);
  });

  it('refuses a variation as large as the average size', async () => {
    const upstream = await startTcpUpstream(() => {});
    const proxy = await proxyTo(upstream.address);
    expect(() => proxy.addFault({ type: 'slicer', attributes: { average_size: 10, size_variation: 10 } })).toThrow(/size_variation must be smaller than average_size/);
  });
});
