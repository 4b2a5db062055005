import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf } from '../../../engine/audit/audit-harness.test-helper.js';
import { bearerRole, startTokenShop, tokenShopSpec } from './auth-api.test-helper.js';
import { jwtWeakSecret } from './jwt-weak-secret.js';
import { findWeakSecret } from './weak-secrets.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('auth.jwt-weak-secret', () => {
  it('reports tokens signed with a dictionary word without printing the word', async () => {
    const server = await startTokenShop(() => ({ secret: 'changeme' }));
    close = server.close;
    const roles = [await bearerRole('admin', ['admin'], { secret: 'changeme' }), await bearerRole('reader', ['read'], { secret: 'changeme' })];
    const report = await auditWith([jwtWeakSecret], tokenShopSpec, server.url, { roles });
    const findings = findingsOf(report, 'auth.jwt-weak-secret');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'unsecured-endpoints', severity: 'critical', operation: null });
    expect(findings[0]!.detail).toContain('tokens of roles admin, reader are signed');
    expect(findings[0]!.detail).toContain('a dictionary word (8 characters)');
    expect(JSON.stringify(findings[0])).not.toContain('changeme');
  });

  it('finds a secret made from the API title', async () => {
    const server = await startTokenShop(() => ({ secret: 'test-shop-secret' }));
    close = server.close;
    const roles = [await bearerRole('admin', ['admin'], { secret: 'test-shop-secret' })];
    const report = await auditWith([jwtWeakSecret], tokenShopSpec, server.url, { roles });
    expect(findingsOf(report, 'auth.jwt-weak-secret')[0]!.detail).toContain('(16 characters)');
  });

  it('stays silent for a random 32-byte secret and for tokens that are not HMAC-signed', async () => {
    const server = await startTokenShop(() => ({}));
    close = server.close;
    const roles = [await bearerRole('admin', ['admin']), { name: 'key', scopes: ['read'], headers: { 'X-Api-Key': 'secret' } }];
    const report = await auditWith([jwtWeakSecret], tokenShopSpec, server.url, { roles });
    expect(findingsOf(report, 'auth.jwt-weak-secret')).toEqual([]);
    expect(findWeakSecret('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'none')).toBeUndefined();
  });
});
