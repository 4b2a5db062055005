import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, fetchVia, proxyTo, startHttpUpstream } from '../proxy.test-helper.js';

afterEach(closeAll);

describe('malformed_body fault', () => {
  it('replaces the body with JSON that does not parse, keeping status and content type', async () => {
    const upstream = await startHttpUpstream((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: 1, items: [] }));
    });
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'malformed_body' });
    const answer = await fetchVia(proxy.url);
    expect(answer).toMatchObject({ status: 200, error: null });
    expect(answer.headers['content-type']).toBe('application/json');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(() => JSON.parse(answer.body.toString())).toThrow();
  });

  it('sends the body it is given', async () => {
    const upstream = await startHttpUpstream((_request, response) => response.end('{"ok":true}'));
    const proxy = await proxyTo(upstream.url);
    proxy.addFault({ type: 'malformed_body', attributes: { body: '<html>oops' } });
    expect((await fetchVia(proxy.url)).body.toString()).toBe('<html>oops');
  });
});
