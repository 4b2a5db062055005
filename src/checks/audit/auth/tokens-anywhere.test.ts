import { afterEach, describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Report } from '../../../core/finding.js';
import { Redactor } from '../../../core/redact.js';
import { auditWith, findingsOf } from '../../../engine/audit/audit-harness.test-helper.js';
import { expiredTokenAccepted } from './expired-token-accepted.js';
import { serverError } from '../conformance/server-error.js';
import { garbageTokenServerError } from './garbage-token-server-error.js';
import { invalidTokenAccepted } from './invalid-token-accepted.js';
import { jwtAlgNone } from './jwt-alg-none.js';
import { jwtLifetime } from './jwt-lifetime.js';
import { jwtWeakSecret } from './jwt-weak-secret.js';
import { loginSpec, startLoginApi, startTokenKeyApi, tokenKeySpec } from './token-apis.test-helper.js';

// server-error runs after the token checks, as in the registry: it must not report the garbage probe's 500 again.
const tokenChecks = [invalidTokenAccepted, garbageTokenServerError, expiredTokenAccepted, jwtAlgNone, jwtLifetime, jwtWeakSecret, serverError];

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

function byCheck(report: Report): Record<string, (string | null)[]> {
  const out: Record<string, (string | null)[]> = {};
  for (const finding of report.findings) (out[finding.check] ??= []).push(finding.operation);
  for (const operations of Object.values(out)) operations.sort();
  return out;
}

describe('JWTs outside Authorization: Bearer', () => {
  it('judges a role token sent as `Authorization: Token <jwt>` under an apiKey scheme', async () => {
    const api = await startTokenKeyApi({ isBroken: true });
    close = api.close;
    const report = await auditWith(tokenChecks, tokenKeySpec, api.url, { roles: [api.role] });
    expect(byCheck(report)).toEqual({
      'auth.garbage-token-server-error': ['GET /articles/feed', 'GET /user'],
      'auth.jwt-lifetime': [null],
      'auth.jwt-weak-secret': [null],
    });
    expect(findingsOf(report, 'auth.jwt-lifetime')[0]!.detail).toContain('role user (60 days)');
    expect(findingsOf(report, 'auth.jwt-weak-secret')[0]!.detail).toContain('token of role user is signed with a dictionary word (10 characters)');
    // The forged tokens went where the real one goes, with its prefix: an expired one re-signed with the found secret.
    const expired = api.seen.filter((h) => h.startsWith('Token ey')).map((h) => decodeJwt(h.slice(6))).filter((c) => c.exp! < Date.now() / 1000);
    expect(expired.length).toBeGreaterThan(0);
  });

  it('stays silent on its clean twin: 15-minute tokens, a random secret, 401 for garbage', async () => {
    const api = await startTokenKeyApi({ isBroken: false });
    close = api.close;
    const report = await auditWith(tokenChecks, tokenKeySpec, api.url, { roles: [api.role] });
    expect(byCheck(report)).toEqual({});
    expect(api.seen.some((h) => h.startsWith('Token faultline-invalid-'))).toBe(true);
  });

  it('judges the JWT a login hands out in a nested JSON field, and forges it as a bearer token', async () => {
    const api = await startLoginApi({ isBroken: true, issueIn: 'body' });
    close = api.close;
    const report = await auditWith(tokenChecks, loginSpec('body'), api.url);
    expect(byCheck(report)).toEqual({
      'auth.jwt-alg-none': ['GET /articles/feed', 'GET /user'],
      'auth.jwt-lifetime': ['POST /users/login'],
    });
    const lifetime = findingsOf(report, 'auth.jwt-lifetime')[0]!;
    expect(lifetime).toMatchObject({ cause: 'unsecured-endpoints', severity: 'medium', status: 200 });
    expect(lifetime.detail).toBe('The JWT that POST /users/login (user.token) hands out lives 30 days (exp minus iat), longer than 24 hours.');
    const sent = findingsOf(report, 'auth.jwt-alg-none')[0]!.evidence[0]!.request.headers['authorization']!;
    expect(sent).toMatch(/^Bearer ey[\w-]+\.ey[\w-]+\.$/);
    expect(decodeProtectedHeader(sent.slice(7)).alg).toBe('none');
    expect(decodeJwt(sent.slice(7)).sub).toBe('jane');
  });

  it('keeps the header and claims of an issued token in redacted output, but never its signature', async () => {
    const api = await startLoginApi({ isBroken: true, issueIn: 'body' });
    close = api.close;
    const report = await auditWith([jwtLifetime], loginSpec('body'), api.url);
    const body = findingsOf(report, 'auth.jwt-lifetime')[0]!.evidence[0]!.response!.body!;
    const token = (JSON.parse(body) as { user: { token: string } }).user.token;
    const redacted = JSON.stringify(new Redactor([]).report(report));
    expect(redacted).not.toContain(token.split('.')[2]);
    expect(redacted).toContain(`${token.slice(0, token.lastIndexOf('.'))}.«redacted:jwt-signature»`);
  });

  it('judges a JWT issued in Set-Cookie and sends forged ones back in that cookie', async () => {
    const api = await startLoginApi({ isBroken: true, issueIn: 'cookie' });
    close = api.close;
    const report = await auditWith(tokenChecks, loginSpec('cookie'), api.url);
    expect(byCheck(report)).toEqual({
      'auth.jwt-alg-none': ['GET /articles/feed', 'GET /user'],
      'auth.jwt-lifetime': ['POST /users/login'],
    });
    expect(findingsOf(report, 'auth.jwt-lifetime')[0]!.detail).toContain('(cookie jwt)');
    expect(findingsOf(report, 'auth.jwt-alg-none')[0]!.evidence[0]!.request.headers['cookie']).toMatch(/^jwt=ey[\w-]+\.ey[\w-]+\.$/);
  });

  it.each(['body', 'cookie'] as const)('stays silent on the clean twin of the login issuing in the %s: 15-minute tokens, alg none refused', async (issueIn) => {
    const api = await startLoginApi({ isBroken: false, issueIn });
    close = api.close;
    const report = await auditWith(tokenChecks, loginSpec(issueIn), api.url);
    expect(byCheck(report)).toEqual({});
    expect(api.unsignedSeen.length).toBeGreaterThan(0);
  });
});
