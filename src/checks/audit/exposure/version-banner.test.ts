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

describe('exposure.version-banner', () => {
  it('reports each header that carries a version once, for the whole API, listing the values', async () => {
    const server = await startServer((request, response) => {
      const server = request.url === '/items' ? 'nginx/1.18.0' : 'nginx/1.25.3';
      return json(response, 200, {}, { server, 'x-powered-by': 'Express/4.17.1', via: '1.1 varnish' });
    });
    close = server.close;
    const findings = findingsOf(await auditWith([versionBanner], spec, server.url), 'exposure.version-banner');
    expect(findings.map((f) => [f.title, f.operation, f.severity])).toEqual([
      ['The Server header reveals a software version', null, 'low'],
      ['The X-Powered-By header reveals a software version', null, 'low'],
    ]);
    expect(findings[0]).toMatchObject({ cause: 'public-exposure' });
    expect(findings[0]!.detail).toContain('`nginx/1.18.0`, `nginx/1.25.3`');
    expect(findings[1]!.evidence[0]!.request.url).toContain(server.url);
    expect(findings[1]!.evidence[0]!.response!.headers['x-powered-by']).toBe('Express/4.17.1');
  });

  it('stays silent for product names without versions, ids and the protocol version in Via', async () => {
    const server = await startServer((_request, response) => json(response, 200, {}, { server: 'nginx', 'x-powered-by': 'ECS (dcb/7F84)', via: '1.1 varnish, 1.1 google' }));
    close = server.close;
    expect(findingsOf(await auditWith([versionBanner], spec, server.url), 'exposure.version-banner')).toEqual([]);
  });
});
