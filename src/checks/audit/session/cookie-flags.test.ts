import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf } from '../../../engine/audit/audit-harness.test-helper.js';
import { cookieFlags } from './cookie-flags.js';
import { aliveAfterLogout } from './alive-after-logout.js';
import { sessionSpec, startSessionApi } from './session-api.test-helper.js';

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

  it('stays silent on a __Host- cookie with every attribute and on the cookie logout deletes', async () => {
    const server = await startSessionApi({ setCookie: (id) => `__Host-sid=${id}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=3600` });
    close = server.close;
    const report = await auditWith([aliveAfterLogout, cookieFlags], sessionSpec, server.url);
    expect(findingsOf(report, 'session.cookie-flags')).toEqual([]);
  });
});
