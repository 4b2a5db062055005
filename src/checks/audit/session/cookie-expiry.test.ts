import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { cookieExpiry } from './cookie-expiry.js';
import { aliveAfterLogout } from './alive-after-logout.js';
import { sessionSpec, startSessionApi } from './session-api.test-helper.js';

const itemsSpec = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/items': { get: { responses: { '200': { description: 'ok' } } } } } };

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('session.cookie-expiry', () => {
  it('reports a session cookie with neither Max-Age nor Expires as low', async () => {
    const server = await startSessionApi({ setCookie: (id) => `sid=${id}; Path=/; HttpOnly; Secure; SameSite=Lax` });
    close = server.close;
    const findings = findingsOf(await auditWith([cookieExpiry], sessionSpec, server.url), 'session.cookie-expiry');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'session-management', operation: 'POST /login', status: 200, severity: 'low' });
    expect(findings[0]!.evidence[0]!.request.method).toBe('POST');
  });

  it('reports a session cookie that lives 90 days as medium', async () => {
    const server = await startSessionApi({ setCookie: (id) => `sid=${id}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${90 * 86400}` });
    close = server.close;
    const findings = findingsOf(await auditWith([cookieExpiry], sessionSpec, server.url), 'session.cookie-expiry');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ operation: 'POST /login', severity: 'medium' });
    expect(findings[0]!.detail).toContain('90 days');
  });

  it('reports a session cookie without expiry that the undocumented root sets', async () => {
    const server = await startServer((request, response) => json(response, 200, {}, request.url === '/' ? { 'set-cookie': 'connect.sid=s%3Aabc; Path=/; HttpOnly; Secure; SameSite=Lax' } : {}));
    close = server.close;
    const findings = findingsOf(await auditWith([cookieExpiry], itemsSpec, server.url), 'session.cookie-expiry');
    expect(findings.map((f) => [f.title, f.operation])).toEqual([['Session cookie connect.sid has no expiry', null]]);
    expect(findings[0]!.detail).toContain('set by GET / (not in the spec)');
  });

  it('stays silent on a one-hour session cookie and on the expired cookie logout sends', async () => {
    const server = await startSessionApi({ setCookie: (id) => `sid=${id}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=3600` });
    close = server.close;
    // The logout probe of session.alive-after-logout puts the deleting `sid=; Max-Age=0` into the traffic.
    const report = await auditWith([aliveAfterLogout, cookieExpiry], sessionSpec, server.url);
    expect(report.findings.some((f) => f.check === 'session.alive-after-logout')).toBe(false);
    expect(findingsOf(report, 'session.cookie-expiry')).toEqual([]);
  });
});
