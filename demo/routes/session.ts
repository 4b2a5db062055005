import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ShopContext } from '../context.js';
import { credentialsInput, describeIssues } from '../input.js';
import { sendProblem } from '../problem.js';
import type { Session, User } from '../store.js';

const secureCookie = '__Host-sid';
const plainCookie = 'sid';
const secureSessionSeconds = 3600;
const secureAttributes = 'Path=/; HttpOnly; Secure; SameSite=Strict';

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sessionView(session: Session): { username: string; createdAt: string; expiresAt: string | null } {
  return {
    username: session.username,
    createdAt: new Date(session.createdAt).toISOString(),
    expiresAt: session.expiresAt === null ? null : new Date(session.expiresAt).toISOString(),
  };
}

export function registerSessionRoutes(app: FastifyInstance, { store, loginLimiter }: ShopContext): void {
  function checkCredentials(request: FastifyRequest, reply: FastifyReply): User | null {
    const parsed = credentialsInput.safeParse(request.body);
    if (!parsed.success) {
      sendProblem(reply, 400, describeIssues(parsed.error));
      return null;
    }
    const user = store.userByName(parsed.data.username);
    if (user === undefined || user.password !== parsed.data.password) {
      sendProblem(reply, 401, 'Unknown username or wrong password.');
      return null;
    }
    return user;
  }

  function liveSession(request: FastifyRequest, cookie: string): { id: string; session: Session } | null {
    const id = readCookie(request, cookie);
    const session = id === undefined ? undefined : store.sessions.get(`${cookie}:${id}`);
    if (id === undefined || session === undefined) return null;
    if (session.expiresAt !== null && session.expiresAt <= Date.now()) {
      store.sessions.delete(`${cookie}:${id}`);
      return null;
    }
    return { id, session };
  }

  // PLANTED (session-management + public-exposure): a bare cookie (no HttpOnly, Secure, SameSite or
  // expiry), a session that never expires, and no limit on password guessing.
  app.post('/login', async function login(request, reply) {
    const user = checkCredentials(request, reply);
    if (user === null) return reply;
    const id = randomBytes(24).toString('base64url');
    store.addSession(`${plainCookie}:${id}`, { username: user.username, createdAt: Date.now(), expiresAt: null });
    return reply.header('Set-Cookie', `${plainCookie}=${id}; Path=/`).send({ username: user.username });
  });

  // PLANTED (session-management): clears the cookie in the browser but keeps the session alive on
  // the server, so a copied cookie still works after logout.
  app.post('/logout', async function logout(request, reply) {
    if (liveSession(request, plainCookie) === null) return sendProblem(reply, 401, 'No session.');
    return reply.code(204).header('Set-Cookie', `${plainCookie}=; Path=/; Max-Age=0`).send();
  });

  app.get('/session', async function getSession(request, reply) {
    const live = liveSession(request, plainCookie);
    if (live === null) return sendProblem(reply, 401, 'No session.');
    return sessionView(live.session);
  });

  // Clean twin: rate limited, a __Host- cookie with every attribute, a fresh id at each login and a
  // one-hour server-side expiry.
  app.post('/login/secure', async function loginSecure(request, reply) {
    const decision = loginLimiter.hit(request.ip);
    reply
      .header('RateLimit-Limit', String(loginLimiter.limit))
      .header('RateLimit-Remaining', String(decision.remaining))
      .header('RateLimit-Reset', String(decision.resetSeconds));
    if (!decision.isAllowed) {
      reply.header('Retry-After', String(decision.resetSeconds));
      return sendProblem(reply, 429, 'Too many login attempts; wait before trying again.');
    }
    const user = checkCredentials(request, reply);
    if (user === null) return reply;
    const previous = liveSession(request, secureCookie);
    if (previous !== null) store.sessions.delete(`${secureCookie}:${previous.id}`);
    const id = randomBytes(24).toString('base64url');
    const now = Date.now();
    store.addSession(`${secureCookie}:${id}`, { username: user.username, createdAt: now, expiresAt: now + secureSessionSeconds * 1000 });
    return reply
      .header('Set-Cookie', `${secureCookie}=${id}; ${secureAttributes}; Max-Age=${secureSessionSeconds}`)
      .send({ username: user.username });
  });

  app.post('/logout/secure', async function logoutSecure(request, reply) {
    const live = liveSession(request, secureCookie);
    if (live === null) return sendProblem(reply, 401, 'No session.');
    store.sessions.delete(`${secureCookie}:${live.id}`);
    return reply.code(204).header('Set-Cookie', `${secureCookie}=; ${secureAttributes}; Max-Age=0`).send();
  });

  app.get('/session/secure', async function getSecureSession(request, reply) {
    const live = liveSession(request, secureCookie);
    if (live === null) return sendProblem(reply, 401, 'No session.');
    return sessionView(live.session);
  });
}
