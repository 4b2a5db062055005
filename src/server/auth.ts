import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role, Store, UserRecord } from '../store/types.js';
import { hashPassword, randomToken, sha256 } from './passwords.js';
import { HttpProblem } from './problem.js';

export const sessionCookie = 'faultline_session';

/** Who is asking, and how they proved it (a cookie session needs a CSRF token for writes; a bearer token does not). */
export interface Principal {
  readonly user: UserRecord;
  readonly via: 'session' | 'token';
  readonly csrfToken?: string;
  readonly sessionHash?: string;
  readonly expiresAt?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * Make sure an admin exists. On the first start the password comes from FAULTLINE_ADMIN_PASSWORD (passed
 * in) or is generated and returned once, for the CLI to print; it is never stored in clear.
 */
export async function ensureAdmin(store: Store, envPassword: string | undefined): Promise<{ created: boolean; password?: string }> {
  if ((await store.countUsers()) > 0) return { created: false };
  const password = envPassword && envPassword.length > 0 ? envPassword : randomToken(18);
  await store.createUser({ username: 'admin', passwordHash: await hashPassword(password), role: 'admin', createdAt: Date.now() });
  return envPassword ? { created: true } : { created: true, password };
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      // A malformed cookie is ignored, as a browser would have sent nothing usable.
    }
  }
  return cookies;
}

/** Secure when the connection is TLS or a proxy says the client used https. */
export function isSecureRequest(request: FastifyRequest): boolean {
  return request.protocol === 'https' || String(request.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim() === 'https';
}

export function sessionCookieHeader(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${sessionCookie}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

/** Resolve the principal from a bearer token or a session cookie; undefined when neither is valid. */
export async function authenticate(store: Store, request: FastifyRequest, now: number): Promise<Principal | undefined> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!token) return undefined;
    const record = await store.getApiTokenByHash(sha256(token));
    const user = record && (await store.getUser(record.userId));
    return user ? { user, via: 'token' } : undefined;
  }
  const id = parseCookies(request.headers.cookie)[sessionCookie];
  if (!id) return undefined;
  const sessionHash = sha256(id);
  const session = await store.getSession(sessionHash);
  if (!session || session.expiresAt <= now) return undefined;
  const user = await store.getUser(session.userId);
  return user ? { user, via: 'session', csrfToken: session.csrfToken, sessionHash, expiresAt: session.expiresAt } : undefined;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The preHandler of every protected route: authenticated, role high enough, CSRF token on cookie writes. */
export function guard(store: Store, role: Role) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const principal = await authenticate(store, request, Date.now());
    if (!principal) throw new HttpProblem(401, 'Unauthorized', 'sign in or send an API token', { 'www-authenticate': 'Bearer realm="faultline"' });
    if (principal.via === 'session' && writeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'] ?? (request.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof sent !== 'string' || sent !== principal.csrfToken) throw new HttpProblem(403, 'Forbidden', 'missing or wrong CSRF token (send the x-csrf-token header)');
    }
    if (role === 'admin' && principal.user.role !== 'admin') throw new HttpProblem(403, 'Forbidden', 'this needs the admin role');
    request.principal = principal;
  };
}

/** Failed sign-ins per key in a sliding window; a key over the limit gets 429 until the window passes. */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  retryAfterSeconds(key: string, now: number): number {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.failures.set(key, recent);
    if (recent.length < this.limit) return 0;
    return Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000);
  }

  fail(key: string, now: number): void {
    const recent = this.failures.get(key) ?? [];
    recent.push(now);
    this.failures.set(key, recent);
    // Bounded memory under a credential-stuffing run from many addresses.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
