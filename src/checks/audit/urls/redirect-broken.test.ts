import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { redirectBroken } from './redirect-broken.js';

const redirect = { get: { responses: { '302': { description: 'elsewhere' } } } };
const spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: { '/docs/latest': redirect, '/loop': redirect, '/docs/current': redirect, '/chain': redirect, '/nowhere': redirect, '/away': redirect },
};

const locations: Record<string, string | null> = {
  '/docs/latest': '/docs/v9',
  '/loop': '/loop',
  '/docs/current': '/docs/v2',
  '/chain': '/hop/1',
  '/hop/1': '/hop/2',
  '/hop/2': '/hop/3',
  '/hop/3': '/hop/4',
  '/hop/4': '/hop/5',
  '/hop/5': '/hop/6',
  '/nowhere': null,
  '/away': 'https://example.com/elsewhere',
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('urls.redirect-broken', () => {
  it('reports chains that end in 404, loop, lack a Location or run past 5 hops, and off-origin ones as info', async () => {
    const server = await startServer((request, response) => {
      const path = request.url ?? '/';
      if (path === '/docs/v2' || path === '/hop/6') return void response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>docs</h1>');
      if (!(path in locations)) return void response.writeHead(404).end();
      const location = locations[path];
      response.writeHead(302, location ? { location } : {}).end();
    });
    close = server.close;
    const findings = findingsOf(await auditWith([redirectBroken], spec, server.url), 'urls.redirect-broken');
    const byOperation = Object.fromEntries(findings.map((f) => [f.operation ?? '', f] as const));
    expect(Object.keys(byOperation).sort()).toEqual(['GET /away', 'GET /chain', 'GET /docs/latest', 'GET /loop', 'GET /nowhere']);
    expect(byOperation['GET /docs/latest']).toMatchObject({ cause: 'bad-urls', status: 302, severity: 'medium' });
    expect(byOperation['GET /docs/latest']!.detail).toContain('/docs/v9, which answers 404');
    expect(byOperation['GET /docs/latest']!.evidence.map((e) => e.response?.status)).toEqual([302, 404]);
    expect(byOperation['GET /loop']!.title).toBe('Redirect loop');
    expect(byOperation['GET /nowhere']!.title).toBe('Redirect without a Location header');
    expect(byOperation['GET /chain']!.title).toBe('Redirect chain longer than 5 hops');
    expect(byOperation['GET /chain']!.evidence).toHaveLength(6);
    expect(byOperation['GET /away']).toMatchObject({ severity: 'info' });
    expect(byOperation['GET /away']!.evidence).toHaveLength(1);
  });

  it('stays silent on a redirect to a page that exists', async () => {
    const server = await startServer((request, response) => {
      if (request.url === '/docs/current') return void response.writeHead(302, { location: '/docs/v2' }).end();
      response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>docs</h1>');
    });
    close = server.close;
    const report = await auditWith([redirectBroken], { ...spec, paths: { '/docs/current': redirect } }, server.url);
    expect(findingsOf(report, 'urls.redirect-broken')).toEqual([]);
  });
});
