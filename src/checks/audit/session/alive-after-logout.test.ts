import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { aliveAfterLogout } from './alive-after-logout.js';
import { sessionSpec, startSessionApi } from './session-api.test-helper.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const credentials = { required: true, content: { 'application/json': { schema: { type: 'object' }, example: { username: 'bob', password: 'bob-pass' } } } };
/** Two token flows side by side, v2 listed first: /v2/auth/* and /auth/*, each with its own "who am I". */
const tokenSpec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: Object.fromEntries(
    ['/v2', ''].flatMap((prefix) => [
      [`${prefix}/auth/login`, { post: { requestBody: credentials, responses: { '200': { description: 'token' } } } }],
      [`${prefix}/auth/logout`, { post: { responses: { '204': { description: 'revoked' } } } }],
      [`${prefix}/me`, { get: { responses: { '200': { description: 'me' }, '401': { description: 'no' } } } }],
    ]),
  ),
};

describe('session.alive-after-logout', () => {
  it('reports a logout that leaves the old session cookie working, with login, read, logout and re-read as evidence', async () => {
    const server = await startSessionApi({ setCookie: (id) => `sid=${id}; Path=/`, isLogoutKeepingSession: true });
    close = server.close;
    const findings = findingsOf(await auditWith([aliveAfterLogout], sessionSpec, server.url), 'session.alive-after-logout');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cause: 'session-management', operation: 'POST /logout', status: 200, severity: 'high' });
    expect(findings[0]!.evidence.map((e) => `${e.request.method} ${new URL(e.request.url).pathname} ${e.response?.status}`)).toEqual([
      'POST /login 200',
      'GET /session 200',
      'POST /logout 204',
      'GET /session 200',
    ]);
    expect(findings[0]!.evidence[3]!.request.headers['cookie']).toMatch(/^sid=s\d+$/);
  });

  it('stays silent when logout deletes the session on the server', async () => {
    const server = await startSessionApi({ setCookie: (id) => `sid=${id}; Path=/`, isLogoutKeepingSession: false });
    close = server.close;
    expect(findingsOf(await auditWith([aliveAfterLogout], sessionSpec, server.url), 'session.alive-after-logout')).toEqual([]);
  });

  it('pairs each token login with the logout of its own family and reports only the one that does not revoke', async () => {
    const live = new Set<string>();
    let next = 0;
    const server = await startServer((request, response) => {
      const url = request.url ?? '/';
      const prefix = url.startsWith('/v2/') ? '/v2' : '';
      const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      // One token store for both flows, so a login paired with the wrong logout would go unnoticed.
      const isLive = live.has(token);
      if (url === `${prefix}/auth/login` && request.method === 'POST') {
        const issued = `t${++next}`;
        live.add(issued);
        return json(response, 200, { access_token: issued });
      }
      if (url === `${prefix}/auth/logout` && request.method === 'POST') {
        if (!isLive) return json(response, 401, { title: 'no' });
        if (prefix === '/v2') live.delete(token);
        response.writeHead(204);
        return void response.end();
      }
      if (url === `${prefix}/me`) return isLive ? json(response, 200, { username: 'bob' }) : json(response, 401, { title: 'no' });
      return json(response, 404, {});
    });
    close = server.close;
    const findings = findingsOf(await auditWith([aliveAfterLogout], tokenSpec, server.url), 'session.alive-after-logout');
    expect(findings.map((f) => f.operation)).toEqual(['POST /auth/logout']);
    expect(findings[0]!.evidence[3]!.request.headers['authorization']).toMatch(/^Bearer t\d+$/);
    expect(findings[0]!.detail).toContain('GET /me');
  });
});
