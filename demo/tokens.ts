import { SignJWT, UnsecuredJWT, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';

/**
 * PLANTED (unsecured-endpoints): the HMAC secret is a dictionary word, so anyone holding one token
 * can recover it offline and mint their own. A real service would use 32+ random bytes.
 */
export const demoJwtSecret = 'secret';
export const demoIssuer = 'faultline-demo';
export const demoAudience = 'faultline-demo-shop';

const secretKey = new TextEncoder().encode(demoJwtSecret);

export type DemoScope = 'read' | 'write' | 'admin';
export type DemoRole = 'admin' | 'writer' | 'reader';

export interface DemoCredential {
  readonly name: DemoRole;
  readonly headers: { readonly Authorization: string };
  readonly scopes: readonly DemoScope[];
}

interface RoleGrant {
  readonly name: DemoRole;
  readonly subject: string;
  readonly scopes: readonly DemoScope[];
  readonly lifetimeSeconds: number;
}

const hourSeconds = 3600;
const daySeconds = 24 * hourSeconds;

/** The users behind each role; the subjects match the seeded users of the shop. */
export const roleGrants: readonly RoleGrant[] = [
  // PLANTED (unsecured-endpoints): the most powerful token lives 30 days, the others one hour.
  { name: 'admin', subject: 'alice', scopes: ['admin', 'read', 'write'], lifetimeSeconds: 30 * daySeconds },
  { name: 'writer', subject: 'bob', scopes: ['read', 'write'], lifetimeSeconds: hourSeconds },
  { name: 'reader', subject: 'carol', scopes: ['read'], lifetimeSeconds: hourSeconds },
];

export interface SignOptions {
  readonly subject: string;
  readonly scopes: readonly string[];
  /** Seconds from now; negative values mint an already expired token (tests use that). */
  readonly expiresInSeconds: number;
}

/** Signs a demo token (HS256, the demo's weak secret). */
export async function signDemoToken(options: SignOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: options.scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject)
    .setIssuer(demoIssuer)
    .setAudience(demoAudience)
    .setIssuedAt(Math.min(now, now + options.expiresInSeconds - 60))
    .setExpirationTime(now + options.expiresInSeconds)
    .sign(secretKey);
}

/** An unsigned (`alg: none`) token with the given claims, as an attacker would forge it. */
export function unsignedDemoToken(options: SignOptions): string {
  const now = Math.floor(Date.now() / 1000);
  return new UnsecuredJWT({ scope: options.scopes.join(' ') })
    .setSubject(options.subject)
    .setIssuer(demoIssuer)
    .setAudience(demoAudience)
    .setIssuedAt(now)
    .setExpirationTime(now + options.expiresInSeconds)
    .encode();
}

/**
 * The credentials the demo audit config uses, one per role, freshly signed.
 *
 * @example
 * const [admin] = await demoCredentials();
 * await fetch(`${url}/admin/users`, { headers: admin.headers });
 */
export async function demoCredentials(): Promise<DemoCredential[]> {
  return Promise.all(
    roleGrants.map(async function credentialFor(grant): Promise<DemoCredential> {
      const token = await signDemoToken({ subject: grant.subject, scopes: grant.scopes, expiresInSeconds: grant.lifetimeSeconds });
      return { name: grant.name, headers: { Authorization: `Bearer ${token}` }, scopes: grant.scopes };
    }),
  );
}

export interface TokenPolicy {
  /** PLANTED on one operation: accept tokens whose signature is valid but whose `exp` has passed. */
  readonly allowExpired?: boolean;
  /** PLANTED on one operation: accept unsigned `alg: none` tokens. */
  readonly allowUnsigned?: boolean;
}

export interface VerifiedToken {
  readonly subject: string;
  readonly scopes: readonly string[];
}

export type TokenFailure = 'missing' | 'invalid' | 'expired';

function toVerified(payload: JWTPayload): VerifiedToken | TokenFailure {
  if (typeof payload.sub !== 'string') return 'invalid';
  const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
  return { subject: payload.sub, scopes: scope.split(' ').filter((s) => s.length > 0) };
}

/** Verifies a bearer token against the demo's key, issuer and audience. */
export async function verifyDemoToken(token: string, policy: TokenPolicy = {}): Promise<VerifiedToken | TokenFailure> {
  if (policy.allowUnsigned === true) {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return 'invalid';
    }
    if (alg === 'none') {
      try {
        const { payload } = UnsecuredJWT.decode(token, { issuer: demoIssuer, audience: demoAudience });
        return toVerified(payload);
      } catch (error) {
        return error instanceof errors.JWTExpired ? 'expired' : 'invalid';
      }
    }
  }
  try {
    const { payload } = await jwtVerify(token, secretKey, { algorithms: ['HS256'], issuer: demoIssuer, audience: demoAudience });
    return toVerified(payload);
  } catch (error) {
    // jose checks the signature before the claims, so an expired error means the token is authentic.
    if (error instanceof errors.JWTExpired) return policy.allowExpired === true ? toVerified(error.payload) : 'expired';
    return 'invalid';
  }
}
