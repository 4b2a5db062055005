import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf } from '../../../engine/audit/audit-harness.test-helper.js';
import { bearerRole, startTokenShop, tokenShopSpec } from './auth-api.test-helper.js';
import { invalidTokenAccepted } from './invalid-token-accepted.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('auth.invalid-token-accepted', () => {
  it('reports operations that take a garbage token, and ones that skip the signature check', async () => {
    // /orders lets any header through; /me decodes the token but ignores the signature (any secret passes).
    const server = await startTokenShop((path) => (path === '/orders' ? 'header-only' : path === '/me' ? 'unverified' : 'open'));
    close = server.close;
    const report = await auditWith([invalidTokenAccepted], tokenShopSpec, server.url, { roles: [await bearerRole('admin', ['admin', 'read'], { secret: 'x' })] });
    const findings = findingsOf(report, 'auth.invalid-token-accepted');
    // GET /stats answers anyone, so a token cannot be blamed: unauthenticated-access reports it.
    expect(findings.map((f) => f.operation).sort()).toEqual(['GET /me', 'GET /orders']);
    const orders = findings.find((f) => f.operation === 'GET /orders')!;
    expect(orders).toMatchObject({ cause: 'unsecured-endpoints', severity: 'critical', status: 200 });
    expect(orders.evidence[0]!.request.headers['authorization']).toMatch(/^Bearer faultline-invalid-/);
    const me = findings.find((f) => f.operation === 'GET /me')!;
    expect(me.detail).toContain('signature altered');
  });

  it('stays silent when every token is verified', async () => {
    const server = await startTokenShop(() => ({ secret: 'x' }));
    close = server.close;
    const report = await auditWith([invalidTokenAccepted], tokenShopSpec, server.url, { roles: [await bearerRole('admin', ['admin', 'read'], { secret: 'x' })] });
    expect(findingsOf(report, 'auth.invalid-token-accepted')).toEqual([]);
  });
});
