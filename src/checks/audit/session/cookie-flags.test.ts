import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { cookieFlags } from './cookie-flags.js';
import { aliveAfterLogout } from './alive-after-logout.js';
import { sessionSpec, startSessionApi } from './session-api.test-helper.js';

const itemsSpec = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/items': { get: { responses: { '200': { description: 'ok' } } } } } };

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('session.cookie-flags', () => {
  it('reports a session cookie set by the login without HttpOnly, Secure and SameSite, as high', async () => {
    const server = await startSessionApi({ setCookie: (id) => `sid=${id}; Path=/` });
    close = server.close;
    const findings = findingsOf(await auditWith([cookieFlags], sessionSpec, server.url), 'session.cookie-flags');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'session-management', operation: 'POST /login', status: 200, severity: 'high' });
    expect(findings[0]!.detail).toContain('HttpOnly, Secure, SameSite');
    expect(findings[0]!.evidence[0]!.request.url).toContain('/login');
  });

  it('reports only a missing Secure at medium on a plain-http target, saying production needs it', async () => {
    const server = await startSessionApi({ setCookie: (id) => `sid=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600` });
    close = server.close;
    const findings = findingsOf(await auditWith([cookieFlags], sessionSpec, server.url), 'session.cookie-flags');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ operation: 'POST /login', severity: 'medium', title: 'Cookie sid set without Secure' });
    expect(findings[0]!.detail).toContain('production');
  });

  it('reports a cookie the root sets though the spec does not document it, with the path it came from', async () => {
    const server = await startServer((request, response) => {
      if (request.url === '/') return json(response, 200, { name: 'api' }, { 'set-cookie': '_csrf=k3y; Path=/' });
      return json(response, 200, { items: [] });
    });
    close = server.close;
    const findings = findingsOf(await auditWith([cookieFlags], itemsSpec, server.url), 'session.cookie-flags');
    expect(findings.map((f) => [f.title, f.operation, f.severity])).toEqual([['Cookie _csrf set without HttpOnly, Secure, SameSite', null, 'medium']]);
    expect(findings[0]!.detail).toContain('by GET / (not in the spec)');
    expect(new URL(findings[0]!.evidence[0]!.request.url).pathname).toBe('/');
  });

  it('reports a cookie a middleware sets on every response once for the API, listing where and how often', async () => {
    const server = await startServer((_request, response) => json(response, 200, { items: [] }, { 'set-cookie': 'sid=abc; Path=/' }));
    close = server.close;
    const findings = findingsOf(await auditWith([cookieFlags], itemsSpec, server.url), 'session.cookie-flags');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ operation: null, severity: 'high' });
    expect(findings[0]!.detail).toMatch(/by GET \/items, .*GET \/ \(not in the spec\).*\(\d+ responses\)/);
  });

  it('stays silent on a root cookie with every flag', async () => {
    const server = await startServer((request, response) => {
      if (request.url === '/') return json(response, 200, { name: 'api' }, { 'set-cookie': '_csrf=k3y; Path=/; HttpOnly; Secure; SameSite=Lax' });
      return json(response, 200, { items: [] });
    });
    close = server.close;
    expect(findingsOf(await auditWith([cookieFlags], itemsSpec, server.url), 'session.cookie-flags')).toEqual([]);
  });

  it('stays silent on a __Host- cookie with every attribute and on the cookie logout deletes', async () => {
    const server = await startSessionApi({ setCookie: (id) => `__Host-sid=${id}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=3600` });
    close = server.close;
    const report = await auditWith([aliveAfterLogout, cookieFlags], sessionSpec, server.url);
    expect(findingsOf(report, 'session.cookie-flags')).toEqual([]);
  });
});
