import { afterEach, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { auditWith, findingsOf } from '../../../engine/audit/audit-harness.test-helper.js';
import { bearerRole, startTokenShop, tokenShopSpec } from './auth-api.test-helper.js';
import { expiredTokenAccepted } from './expired-token-accepted.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('auth.expired-token-accepted', () => {
  it('re-signs a token whose secret is a dictionary word with a past exp and reports the operation that takes it', async () => {
    const server = await startTokenShop((path) => ({ secret: 'changeme', allowExpired: path === '/orders' }));
    close = server.close;
    const report = await auditWith([expiredTokenAccepted], tokenShopSpec, server.url, { roles: [await bearerRole('reader', ['read'], { secret: 'changeme' })] });
    const findings = findingsOf(report, 'auth.expired-token-accepted');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'unsecured-endpoints', severity: 'high', operation: 'GET /orders', status: 200 });
    const claims = decodeJwt(findings[0]!.evidence[0]!.request.headers['authorization']!.replace('Bearer ', ''));
    expect(claims.exp).toBeLessThan(Date.now() / 1000);
    expect(claims.iat).toBeLessThan(claims.exp!);
    expect(claims.sub).toBe('reader');
  });

  it('stays silent when every operation rejects the expired token', async () => {
    const server = await startTokenShop(() => ({ secret: 'changeme' }));
    close = server.close;
    const report = await auditWith([expiredTokenAccepted], tokenShopSpec, server.url, { roles: [await bearerRole('reader', ['read'], { secret: 'changeme' })] });
    expect(findingsOf(report, 'auth.expired-token-accepted')).toEqual([]);
  });

  it('sends nothing when the secret is not in the dictionary, since no expired token can be forged', async () => {
    const server = await startTokenShop(() => ({ allowExpired: true }));
    close = server.close;
    const roles = [await bearerRole('reader', ['read'])];
    const report = await auditWith([expiredTokenAccepted], tokenShopSpec, server.url, { roles });
    expect(findingsOf(report, 'auth.expired-token-accepted')).toEqual([]);
    const withoutCheck = await auditWith([], tokenShopSpec, server.url, { roles });
    expect(report.stats['requests']).toBe(withoutCheck.stats['requests']);
  });
});
