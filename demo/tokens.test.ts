import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { demoCredentials, signDemoToken, unsignedDemoToken, verifyDemoToken } from './tokens.js';

function bearer(headers: { Authorization: string }): string {
  return headers.Authorization.replace(/^Bearer /, '');
}

describe('demo tokens', () => {
  it('issues an admin, a writer and a reader credential with their scopes', async () => {
    const credentials = await demoCredentials();
    expect(credentials.map((c) => [c.name, [...c.scopes].sort()])).toEqual([
      ['admin', ['admin', 'read', 'write']],
      ['writer', ['read', 'write']],
      ['reader', ['read']],
    ]);
    for (const credential of credentials) {
      expect(credential.headers.Authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      expect(decodeProtectedHeader(bearer(credential.headers)).alg).toBe('HS256');
      expect(decodeJwt(bearer(credential.headers))['scope']).toBe(credential.scopes.join(' '));
    }
  });

  it('makes the admin token live 30 days and the others at most one hour (planted)', async () => {
    const lifetimes = Object.fromEntries(
      (await demoCredentials()).map((c) => {
        const claims = decodeJwt(bearer(c.headers));
        return [c.name, (claims.exp ?? 0) - (claims.iat ?? 0)];
      }),
    );
    expect(lifetimes['admin']).toBe(30 * 24 * 3600);
    expect(lifetimes['writer']).toBeLessThanOrEqual(3600);
    expect(lifetimes['reader']).toBeLessThanOrEqual(3600);
  });

  it("signs with the dictionary word 'secret' (planted)", async () => {
    const [admin] = await demoCredentials();
    const token = bearer(admin!.headers);
    await expect(jwtVerify(token, new TextEncoder().encode('secret'))).resolves.toBeDefined();
  });

  it('rejects expired, unsigned and tampered tokens unless a planted policy allows them', async () => {
    const expired = await signDemoToken({ subject: 'bob', scopes: ['read'], expiresInSeconds: -60 });
    const unsigned = unsignedDemoToken({ subject: 'bob', scopes: ['read'], expiresInSeconds: 600 });
    const valid = await signDemoToken({ subject: 'bob', scopes: ['read'], expiresInSeconds: 600 });
    const tampered = `${valid.slice(0, -4)}AAAA`;
    expect(await verifyDemoToken(valid)).toEqual({ subject: 'bob', scopes: ['read'] });
    expect(await verifyDemoToken(expired)).toBe('expired');
    expect(await verifyDemoToken(unsigned)).toBe('invalid');
    expect(await verifyDemoToken(tampered)).toBe('invalid');
    expect(await verifyDemoToken(expired, { allowExpired: true })).toEqual({ subject: 'bob', scopes: ['read'] });
    expect(await verifyDemoToken(unsigned, { allowUnsigned: true })).toEqual({ subject: 'bob', scopes: ['read'] });
    expect(await verifyDemoToken(tampered, { allowExpired: true, allowUnsigned: true })).toBe('invalid');
  });
});
