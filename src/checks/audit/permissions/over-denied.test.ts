import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { bearerRole, callerOf, securedSpec } from '../auth/auth-api.test-helper.js';
import { overDenied } from './over-denied.js';

const spec = securedSpec({
  '/reports': { get: { security: [{ oauth: ['read'] }], responses: { '200': { description: 'ok' }, '401': { description: 'no' }, '403': { description: 'no' } } } },
});

/** GET /reports needs `read`; `isBroken` makes the API demand `admin` as well, which the spec never says. */
async function api(isBroken: boolean) {
  return startServer(async (request, response) => {
    const caller = await callerOf(request);
    if (!caller) return void json(response, 401, { title: 'token required' });
    if (!caller.scopes.includes('read') || (isBroken && !caller.scopes.includes('admin'))) return void json(response, 403, { title: 'not allowed' });
    json(response, 200, []);
  });
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('permissions.over-denied', () => {
  it('reports a role that holds the documented scope and sends the credential, yet gets 403', async () => {
    const server = await api(true);
    close = server.close;
    const report = await auditWith([overDenied], spec, server.url, { roles: [await bearerRole('admin', ['read', 'admin']), await bearerRole('reader', ['read'])] });
    const findings = findingsOf(report, 'permissions.over-denied');
    expect(findings.map((f) => [f.operation, f.status, f.severity])).toEqual([['GET /reports', 403, 'low']]);
    expect(findings[0]!.detail).toBe('GET /reports requires oauth (read), which this role satisfies, but reader got 403. Expected 2xx.');
    expect(findings[0]!.evidence[0]!.note).toBe('as reader');
  });

  it('stays silent when every role that qualifies is let in, and anonymous and scope-less roles are refused', async () => {
    const server = await api(false);
    close = server.close;
    const report = await auditWith([overDenied], spec, server.url, { roles: [await bearerRole('reader', ['read']), await bearerRole('guest', [])] });
    expect(findingsOf(report, 'permissions.over-denied')).toEqual([]);
    const cells = report.permissionMatrix!.rows[0]!.cells;
    expect([cells['anonymous']!.verdict, cells['reader']!.verdict, cells['guest']!.verdict]).toEqual(['denied', 'allowed', 'denied']);
  });
});
