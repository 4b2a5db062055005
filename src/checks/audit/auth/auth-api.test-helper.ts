import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SignJWT, UnsecuredJWT, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import { json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import type { Role } from '../../types.js';

/** A secret no dictionary holds, for servers that do everything right. */
export const strongSecret = randomBytes(32).toString('hex');

export interface TokenOptions {
  readonly secret?: string;
  /** Seconds from now; negative for an already expired token. */
  readonly expiresInSeconds?: number | null;
}

/** An HS256 token with `sub` and a space-separated `scope` claim. */
export async function signToken(subject: string, scopes: readonly string[], options: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const lifetime = options.expiresInSeconds === undefined ? 3600 : options.expiresInSeconds;
  const jwt = new SignJWT({ scope: scopes.join(' ') }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(subject).setIssuedAt(now - 10);
  if (lifetime !== null) jwt.setExpirationTime(now + lifetime);
  return jwt.sign(new TextEncoder().encode(options.secret ?? strongSecret));
}

export async function bearerRole(name: string, scopes: readonly string[], options: TokenOptions = {}): Promise<Role> {
  return { name, scopes, headers: { Authorization: `Bearer ${await signToken(name, scopes, options)}` } };
}

export interface VerifyPolicy {
  readonly secret?: string;
  readonly allowExpired?: boolean;
  readonly allowUnsigned?: boolean;
}

/** The verified claims of the request's bearer token, or null (missing, forged, expired). */
export async function callerOf(request: IncomingMessage, policy: VerifyPolicy = {}): Promise<{ sub: string; scopes: string[] } | null> {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!token) return null;
  const toCaller = (payload: JWTPayload) => ({ sub: String(payload.sub), scopes: String(payload['scope'] ?? '').split(' ').filter(Boolean) });
  try {
    if (policy.allowUnsigned && decodeProtectedHeader(token).alg === 'none') return toCaller(UnsecuredJWT.decode(token).payload);
    return toCaller((await jwtVerify(token, new TextEncoder().encode(policy.secret ?? strongSecret), { algorithms: ['HS256'] })).payload);
  } catch (error) {
    return policy.allowExpired && error instanceof errors.JWTExpired ? toCaller(error.payload) : null;
  }
}

/** An OpenAPI 3.0 document whose `oauth` scheme knows the scopes read, write and admin. */
export function securedSpec(paths: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: 'test shop', version: '1' },
    security: [{ oauth: ['read'] }],
    paths,
    components: {
      securitySchemes: {
        oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'http://127.0.0.1/token', scopes: { read: 'r', write: 'w', admin: 'a' } } } },
      },
    },
  };
}

const read = { responses: { '200': { description: 'ok' }, '401': { description: 'no' } } };

/** GET /orders and GET /me need `read`, GET /stats needs `admin`. */
export const tokenShopSpec = securedSpec({
  '/orders': { get: read },
  '/me': { get: read },
  '/stats': { get: { ...read, security: [{ oauth: ['admin'] }] } },
});

/**
 * A server for tokenShopSpec. Per path: a verify policy, 'open' (no check at all), 'header-only' (any
 * Authorization header will do) or 'unverified' (a JWT that decodes, whatever its signature).
 */
export async function startTokenShop(policyOf: (path: string) => VerifyPolicy | 'open' | 'header-only' | 'unverified') {
  return startServer(async (request, response) => {
    const policy = policyOf(request.url ?? '/');
    const isAllowed = policy === 'open' || (typeof policy === 'string' ? isLetThrough(request, policy) : (await callerOf(request, policy)) !== null);
    if (!isAllowed) return json(response, 401, { title: 'invalid token' });
    json(response, 200, { path: request.url });
  });
}

function isLetThrough(request: IncomingMessage, policy: 'header-only' | 'unverified'): boolean {
  const header = request.headers.authorization;
  if (policy === 'header-only' || header === undefined) return header !== undefined;
  try {
    return decodeJwt(header.replace(/^Bearer\s+/i, '')).sub !== undefined;
  } catch {
    return false;
  }
}
