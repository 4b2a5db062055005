import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf } from '../../../engine/audit/audit-harness.test-helper.js';
import { bearerRole, signToken, startTokenShop, tokenShopSpec } from './auth-api.test-helper.js';
import { jwtLifetime } from './jwt-lifetime.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('auth.jwt-lifetime', () => {
  it('reports a role token that lives 30 days and one without exp, naming the roles but never the token', async () => {
    const server = await startTokenShop(() => ({}));
    close = server.close;
    const admin = await bearerRole('admin', ['admin', 'read'], { expiresInSeconds: 30 * 86_400 });
    const service = await bearerRole('service', ['read'], { expiresInSeconds: null });
    const reader = await bearerRole('reader', ['read']);
    const report = await auditWith([jwtLifetime], tokenShopSpec, server.url, { roles: [admin, service, reader] });
    const findings = findingsOf(report, 'auth.jwt-lifetime');
    expect(findings).toHaveLength(2);
    const long = findings.find((f) => f.severity === 'medium')!;
    expect(long).toMatchObject({ cause: 'unsecured-endpoints', operation: null, evidence: [] });
    expect(long.detail).toContain('admin (30 days)');
    expect(long.detail).not.toContain('reader');
    const endless = findings.find((f) => f.severity === 'high')!;
    expect(endless.detail).toContain('service');
    for (const finding of findings) expect(finding.detail).not.toContain(admin.headers['Authorization']!.slice(7, 30));
  });

  it('stays silent when every token lives at most a day', async () => {
    const server = await startTokenShop(() => ({}));
    close = server.close;
    const roles = [await bearerRole('reader', ['read']), { name: 'day', scopes: ['read'], headers: { authorization: `bearer ${await signToken('day', ['read'], { expiresInSeconds: 86_000 })}` } }];
    const report = await auditWith([jwtLifetime], tokenShopSpec, server.url, { roles });
    expect(findingsOf(report, 'auth.jwt-lifetime')).toEqual([]);
  });
});
