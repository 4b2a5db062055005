import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf } from '../../../engine/audit/audit-harness.test-helper.js';
import { bearerRole, startTokenShop, tokenShopSpec } from './auth-api.test-helper.js';
import { jwtAlgNone } from './jwt-alg-none.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('auth.jwt-alg-none', () => {
  it('reports the operation that believes an unsigned token, with the token in the evidence', async () => {
    const server = await startTokenShop((path) => (path === '/me' ? { allowUnsigned: true } : {}));
    close = server.close;
    const report = await auditWith([jwtAlgNone], tokenShopSpec, server.url, { roles: [await bearerRole('reader', ['read'])] });
    const findings = findingsOf(report, 'auth.jwt-alg-none');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'unsecured-endpoints', severity: 'critical', operation: 'GET /me', status: 200 });
    const [header, , signature] = findings[0]!.evidence[0]!.request.headers['authorization']!.replace('Bearer ', '').split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'none', typ: 'JWT' });
    expect(signature).toBe('');
  });

  it('stays silent when the verifier pins its algorithm', async () => {
    const server = await startTokenShop(() => ({}));
    close = server.close;
    const report = await auditWith([jwtAlgNone], tokenShopSpec, server.url, { roles: [await bearerRole('reader', ['read'])] });
    expect(findingsOf(report, 'auth.jwt-alg-none')).toEqual([]);
    expect(report.stats['requests']).toBeGreaterThan(2);
  });
});
