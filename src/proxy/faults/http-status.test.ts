import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, fetchVia, proxyTo, startHttpUpstream, startTcpUpstream } from '../proxy.test-helper.js';

afterEach(closeAll);

describe('http_status fault', () => {
  it('answers about the asked share of 200 requests itself, and only those miss the upstream', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'http_status', toxicity: 0.3, attributes: { status: 500 } });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await fetchVia(`${proxy.url}/n/${i}`)).status ?? 0);
    const injected = statuses.filter((s) => s === 500).length;
    expect(injected).toBeGreaterThanOrEqual(40);
    expect(injected).toBeLessThanOrEqual(80);
    expect(statuses.filter((s) => s === 200).length).toBe(200 - injected);
    expect(upstream.seen.length).toBe(200 - injected);
  });

  it('sends a problem body and Retry-After, and names the proxy', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'http_status', attributes: { status: 429, retry_after: 7 } });
    const answer = await fetchVia(proxy.url);
    expect(answer.status).toBe(429);
    expect(answer.headers['retry-after']).toBe('7');
    expect(answer.headers['x-faultline-proxy']).toBe('dep');
    expect(JSON.parse(answer.body.toString())).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });

  it('with reach_upstream, replaces the answer after the upstream did the work', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'http_status', attributes: { status: 502, reach_upstream: true } });
    const answer = await fetchVia(`${proxy.url}/charge`, { method: 'POST' });
    expect(answer.status).toBe(502);
    expect(upstream.seen).toEqual(['POST /charge']);
  });

  it('applies only to the matching method and path', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'http_status', attributes: { status: 503 }, match: { method: 'get', path: '/stock/*' } });
    expect((await fetchVia(`${proxy.url}/stock/1?fresh=1`)).status).toBe(503);
    expect((await fetchVia(`${proxy.url}/stock/1`, { method: 'POST' })).status).toBe(200);
    expect((await fetchVia(`${proxy.url}/prices/1`)).status).toBe(200);
  });

  it('is refused on a TCP proxy, which sees no statuses', async () => {
    const upstream = await startTcpUpstream(() => {});
    const proxy = await proxyTo(upstream.address);
    expect(() => proxy.addFault({ type: 'http_status' })).toThrow(/http_status needs an HTTP proxy/);
  });
});
