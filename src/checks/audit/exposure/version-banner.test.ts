import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { versionBanner } from './version-banner.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/items': { get: { responses: { '200': { description: 'ok' } } } },
    '/items/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '200': { description: 'ok' } } } },
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function findingsFor(headersOf: (url: string) => Record<string, string>) {
  const server = await startServer((request, response) => json(response, request.url?.startsWith('/items') ? 200 : 404, {}, headersOf(request.url ?? '/')));
  close = server.close;
  return { url: server.url, findings: findingsOf(await auditWith([versionBanner], spec, server.url), 'exposure.version-banner') };
}

describe('exposure.version-banner', () => {
  it('reports each header that carries a version once, for the whole API, as medium, listing the values', async () => {
    const { url, findings } = await findingsFor((path) => ({ server: path === '/items' ? 'nginx/1.18.0' : 'nginx/1.25.3', 'x-powered-by': 'Express/4.17.1', via: '1.1 varnish' }));
    expect(findings.map((f) => [f.title, f.operation, f.severity])).toEqual([
      ['The Server header reveals a software version', null, 'medium'],
      ['The X-Powered-By header reveals a software version', null, 'medium'],
    ]);
    expect(findings[0]).toMatchObject({ cause: 'public-exposure' });
    expect(findings[0]!.detail).toContain('`nginx/1.18.0`, `nginx/1.25.3`');
    expect(findings[1]!.evidence[0]!.request.url).toContain(url);
    expect(findings[1]!.evidence[0]!.response!.headers['x-powered-by']).toBe('Express/4.17.1');
  });

  it('reports X-Powered-By: Express and Server: Kestrel without versions as low, once for every operation and the root', async () => {
    const { findings } = await findingsFor(() => ({ server: 'Kestrel', 'x-powered-by': 'Express' }));
    expect(findings.map((f) => [f.title, f.operation, f.severity])).toEqual([
      ['The Server header names the software behind the API', null, 'low'],
      ['The X-Powered-By header names the software behind the API', null, 'low'],
    ]);
    expect(findings[1]!.detail).toMatch(/`Express`, on GET \/items, .*GET \/ \(not in the spec\).* \(\d+ responses\)/);
    expect(findings[1]!.evidence[0]!.curl).toContain('curl');
  });

  it('reports a banner that only the root and unknown paths carry (a front server), not only documented operations', async () => {
    const { findings } = await findingsFor((path) => (path.startsWith('/items') ? ({} as Record<string, string>) : { 'x-powered-by': 'PHP/8.1.2' }));
    expect(findings.map((f) => [f.title, f.severity])).toEqual([['The X-Powered-By header reveals a software version', 'medium']]);
    expect(findings[0]!.detail).toContain('GET / (not in the spec)');
  });

  it('stays silent without banners, and for CDN ids and the protocol version in Via', async () => {
    const { findings } = await findingsFor(() => ({ server: 'cloudflare', via: '1.1 varnish, 1.1 google' }));
    expect(findings).toEqual([]);
  });

  it('stays silent for an X-Powered-By blanked on purpose (verdaccio sends "hidden")', async () => {
    const { findings } = await findingsFor(() => ({ 'x-powered-by': 'hidden' }));
    expect(findings).toEqual([]);
  });
});
