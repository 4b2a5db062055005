import type { IncomingMessage } from 'node:http';
import { json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';

/** A spec with a cookie login, a logout and a session read, each with the examples the audit sends. */
export const sessionSpec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/login': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } }, example: { username: 'bob', password: 'bob-pass' } } } },
        responses: { '200': { description: 'signed in' }, '401': { description: 'wrong password' } },
      },
    },
    '/logout': { post: { responses: { '204': { description: 'signed out' }, '401': { description: 'no session' } } } },
    '/session': { get: { responses: { '200': { description: 'the session' }, '401': { description: 'no session' } } } },
  },
};

export function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** A tiny cookie-session API; `setCookie` builds the Set-Cookie line, `isLogoutKeepingSession` plants the fault. */
export async function startSessionApi(options: { setCookie: (id: string) => string; isLogoutKeepingSession?: boolean }) {
  const sessions = new Set<string>();
  let next = 0;
  return startServer((request, response) => {
    const url = request.url ?? '/';
    const id = cookieOf(request, 'sid') ?? cookieOf(request, '__Host-sid');
    if (request.method === 'POST' && url === '/login') {
      let body: { username?: unknown; password?: unknown };
      try {
        body = JSON.parse(request.body) as typeof body;
      } catch {
        return json(response, 400, { title: 'bad json' });
      }
      if (body === null || typeof body !== 'object' || body.username !== 'bob' || body.password !== 'bob-pass') return json(response, 401, { title: 'wrong password' });
      const fresh = `s${++next}`;
      sessions.add(fresh);
      return json(response, 200, { username: 'bob' }, { 'set-cookie': options.setCookie(fresh) });
    }
    const isLive = id !== undefined && sessions.has(id);
    if (request.method === 'POST' && url === '/logout') {
      if (!isLive) return json(response, 401, { title: 'no session' });
      if (!options.isLogoutKeepingSession) sessions.delete(id);
      response.writeHead(204, { 'set-cookie': 'sid=; Path=/; Max-Age=0' });
      return void response.end();
    }
    if (request.method === 'GET' && url === '/session') return isLive ? json(response, 200, { username: 'bob' }) : json(response, 401, { title: 'no session' });
    return json(response, 404, { title: 'not found' });
  });
}
