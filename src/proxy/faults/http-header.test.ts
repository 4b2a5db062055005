import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, fetchVia, proxyTo, startHttpUpstream } from '../proxy.test-helper.js';

afterEach(closeAll);

describe('http_header fault', () => {
  it('sets and removes response headers on the downstream stream', async () => {
    const upstream = await startHttpUpstream((_request, response) => {
      response.setHeader('etag', '"v1"');
      response.end('ok');
    });
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'http_header', attributes: { set: { 'Content-Type': 'text/html' }, remove: ['ETag'] } });
    const answer = await fetchVia(proxy.url);
    expect(answer.headers['content-type']).toBe('text/html');
    expect(answer.headers['etag']).toBeUndefined();
    expect(answer.body.toString()).toBe('ok');
  });

  it('changes request headers on the upstream stream', async () => {
    let seen: string | undefined;
    const upstream = await startHttpUpstream((request, response) => {
      seen = request.headers['authorization'];
      response.end('ok');
    });
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'http_header', stream: 'upstream', attributes: { remove: ['authorization'] } });
    await fetchVia(proxy.url, { headers: { authorization: 'Bearer t' } });
    expect(seen).toBeUndefined();
  });

  it('refuses a header value with a line break', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('ok'));
    const proxy = await proxyTo(upstream.url);
    expect(() => proxy.addFault({ type: 'http_header', attributes: { set: { 'x-a': 'b\r\nx-c: d' } } })).toThrow(/line break/);
  });
});
