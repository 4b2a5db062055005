import type { IncomingMessage } from 'node:http';
import { SignJWT, UnsecuredJWT, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import type { Role } from '../../types.js';
import { strongSecret } from './auth-api.test-helper.js';

/**
 * Two APIs that carry their JWTs the way real ones do rather than as `Authorization: Bearer` from the
 * config: an API-key scheme that reads `Authorization: Token <jwt>`, and a login that hands the token
 * out in a nested JSON field (or a cookie). Each comes broken or clean.
 */

const minuteSeconds = 60;
const daySeconds = 86_400;

async function sign(subject: string, secret: string, lifetimeSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ username: subject }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(subject).setIssuedAt(now).setExpirationTime(now + lifetimeSeconds).sign(new TextEncoder().encode(secret));
}

const answers = { '200': { description: 'ok' }, '401': { description: 'no valid token' } };

export interface TokenKeyApiOptions {
  /** The broken API: HS256 with `secret-key`, 60-day tokens, a verifier that throws 500 on anything that is not a JWT. */
  readonly isBroken: boolean;
}

/** `Authorization: Token <jwt>` under an apiKey scheme, as the RealWorld (Conduit) backends do it. */
export const tokenKeySpec = {
  openapi: '3.0.3',
  info: { title: 'articles', version: '1' },
  security: [{ Token: [] }],
  paths: {
    '/user': { get: { responses: answers } },
    '/articles/feed': { get: { responses: answers } },
    '/tags': { get: { security: [], responses: { '200': { description: 'ok' } } } },
  },
  components: { securitySchemes: { Token: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'The JWT as `Token <jwt>`.' } } },
};

export async function startTokenKeyApi({ isBroken }: TokenKeyApiOptions) {
  const secret = isBroken ? 'secret-key' : strongSecret;
  const seen: string[] = [];
  const server = await startServer(async (request, response) => {
    if (request.url === '/tags') return json(response, 200, { tags: ['a'] });
    const header = request.headers.authorization ?? '';
    seen.push(header);
    const token = /^Token (.+)$/.exec(header)?.[1];
    if (!token) return json(response, 401, { errors: { body: ['missing authorization credentials'] } });
    try {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] });
      // Like Conduit's GET /user, the profile echoes the caller's token: echoed is not issued.
      json(response, 200, { user: { username: payload.sub, token } });
    } catch (error) {
      // The broken verifier lets the parser's error escape to the framework's 500 handler.
      if (isBroken && error instanceof errors.JWSInvalid) return json(response, 500, { errors: { body: ['jwt malformed'] } });
      json(response, 401, { errors: { body: ['invalid token'] } });
    }
  });
  const role: Role = { name: 'user', scopes: [], headers: { Authorization: `Token ${await sign('jane', secret, isBroken ? 60 * daySeconds : 15 * minuteSeconds)}` } };
  return { ...server, role, seen };
}

export interface LoginApiOptions {
  /** The broken API: 30-day tokens, and a verifier that believes `alg: none`. */
  readonly isBroken: boolean;
  /** Where the login puts the token: `{"user": {"token": …}}` (bearer scheme) or `Set-Cookie: jwt=…` (cookie scheme). */
  readonly issueIn: 'body' | 'cookie';
}

export function loginSpec(issueIn: LoginApiOptions['issueIn']) {
  const scheme = issueIn === 'body' ? { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } : { type: 'apiKey', in: 'cookie', name: 'jwt' };
  return {
    openapi: '3.0.3',
    info: { title: 'blog', version: '1' },
    security: [{ session: [] }],
    paths: {
      '/users/login': {
        post: {
          security: [],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', required: ['user'], properties: { user: { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string' }, password: { type: 'string' } } } } },
                example: { user: { email: 'jane@example.com', password: 'correct horse' } },
              },
            },
          },
          responses: answers,
        },
      },
      '/user': { get: { responses: answers } },
      '/articles/feed': { get: { responses: answers } },
    },
    components: { securitySchemes: { session: scheme } },
  };
}

function credentialOf(request: IncomingMessage, issueIn: LoginApiOptions['issueIn']): string | undefined {
  if (issueIn === 'body') return /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  return /(?:^|;\s*)jwt=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
}

/** A login that issues an HS256 JWT (strong secret), and two operations that want it back. */
export async function startLoginApi({ isBroken, issueIn }: LoginApiOptions) {
  const secret = new TextEncoder().encode(strongSecret);
  const unsignedSeen: string[] = [];
  const server = await startServer(async (request, response) => {
    if (request.method === 'POST' && request.url === '/users/login') {
      let login: { user?: { email?: unknown; password?: unknown } } = {};
      try {
        login = JSON.parse(request.body) as typeof login;
      } catch {
        return json(response, 422, { errors: { body: ['malformed JSON'] } });
      }
      if (login.user?.email !== 'jane@example.com' || login.user.password !== 'correct horse') return json(response, 401, { errors: { body: ['wrong email or password'] } });
      const token = await sign('jane', strongSecret, isBroken ? 30 * daySeconds : 15 * minuteSeconds);
      if (issueIn === 'cookie') return json(response, 200, { user: { email: 'jane@example.com' } }, { 'set-cookie': `jwt=${token}; Path=/; HttpOnly; Secure; SameSite=Strict` });
      return json(response, 200, { user: { email: 'jane@example.com', username: 'jane', token } });
    }
    const token = credentialOf(request, issueIn);
    if (!token) return json(response, 401, { errors: { body: ['missing token'] } });
    try {
      const isUnsigned = decodeProtectedHeader(token).alg === 'none';
      if (isUnsigned) unsignedSeen.push(token);
      const payload = isBroken && isUnsigned ? UnsecuredJWT.decode(token).payload : (await jwtVerify(token, secret, { algorithms: ['HS256'] })).payload;
      json(response, 200, { user: { username: payload.sub, token } });
    } catch {
      json(response, 401, { errors: { body: ['invalid token'] } });
    }
  });
  return { ...server, unsignedSeen };
}
