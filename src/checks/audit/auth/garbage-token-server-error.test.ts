import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf } from '../../../engine/audit/audit-harness.test-helper.js';
import { garbageTokenServerError } from './garbage-token-server-error.js';
import { invalidTokenAccepted } from './invalid-token-accepted.js';
import { startTokenKeyApi, tokenKeySpec } from './token-apis.test-helper.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('auth.garbage-token-server-error', () => {
  it('reports the operations that answer 500 to a random string after the prefix the role uses', async () => {
    const api = await startTokenKeyApi({ isBroken: true });
    close = api.close;
    const report = await auditWith([garbageTokenServerError], tokenKeySpec, api.url, { roles: [api.role] });
    const findings = findingsOf(report, 'auth.garbage-token-server-error');
    expect(findings.map((f) => f.operation).sort()).toEqual(['GET /articles/feed', 'GET /user']);
    expect(findings[0]).toMatchObject({ cause: 'insufficient-testing', severity: 'medium', status: 500 });
    expect(findings[0]!.detail).toContain('Authorization: Token …');
    expect(findings[0]!.detail).toContain('Expected 401');
    expect(findings[0]!.evidence[0]!.request.headers['authorization']).toMatch(/^Token faultline-invalid-[0-9a-f]+$/);
  });

  it('shares its probe with auth.invalid-token-accepted, so the garbage goes out once per operation', async () => {
    const api = await startTokenKeyApi({ isBroken: true });
    close = api.close;
    await auditWith([invalidTokenAccepted, garbageTokenServerError], tokenKeySpec, api.url, { roles: [api.role] });
    expect(api.seen.filter((header) => header.startsWith('Token faultline-invalid-'))).toHaveLength(2);
  });

  it('stays silent when the verifier answers 401 to the random string', async () => {
    const api = await startTokenKeyApi({ isBroken: false });
    close = api.close;
    const report = await auditWith([garbageTokenServerError], tokenKeySpec, api.url, { roles: [api.role] });
    expect(findingsOf(report, 'auth.garbage-token-server-error')).toEqual([]);
    expect(api.seen.filter((header) => header.startsWith('Token faultline-invalid-'))).toHaveLength(2);
  });
});
