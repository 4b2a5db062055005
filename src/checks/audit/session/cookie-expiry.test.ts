import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf } from '../../../engine/audit/audit-harness.test-helper.js';
import { cookieExpiry } from './cookie-expiry.js';
import { aliveAfterLogout } from './alive-after-logout.js';
import { sessionSpec, startSessionApi } from './session-api.test-helper.js';

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

  it('stays silent on a one-hour session cookie and on the expired cookie logout sends', async () => {
    const server = await startSessionApi({ setCookie: (id) => `sid=${id}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=3600` });
    close = server.close;
    // The logout probe of session.alive-after-logout puts the deleting `sid=; Max-Age=0` into the traffic.
    const report = await auditWith([aliveAfterLogout, cookieExpiry], sessionSpec, server.url);
    expect(report.findings.some((f) => f.check === 'session.alive-after-logout')).toBe(false);
    expect(findingsOf(report, 'session.cookie-expiry')).toEqual([]);
  });
});
