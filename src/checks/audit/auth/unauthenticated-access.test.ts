import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import { bearerRole, callerOf, securedSpec } from './auth-api.test-helper.js';
import { unauthenticatedAccess } from './unauthenticated-access.js';

const spec = securedSpec({
  '/stats': { get: { security: [{ oauth: ['admin'] }], responses: { '200': { description: 'ok' }, '401': { description: 'no' } } } },
  '/orders': { get: { responses: { '200': { description: 'ok' }, '401': { description: 'no' } } } },
  '/items': {
    post: {
      security: [{ oauth: ['write'] }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } }, example: { name: 'cup' } } } },
      responses: { '201': { description: 'created' }, '401': { description: 'no' } },
    },
  },
  '/items/{id}': {
    delete: {
      security: [{ oauth: ['admin'] }],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' }, example: 1 }],
      responses: { '204': { description: 'gone' }, '401': { description: 'no' } },
    },
  },
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

/** The shop; `isOpen` names the routes that forget to check the token. */
async function shop(isOpen: (route: string) => boolean) {
  let nextId = 10;
  const server = await startServer(async (request, response) => {
    const route = `${request.method} ${request.url!.replace(/\/\d+$/, '/{id}')}`;
    if (!isOpen(route) && !(await callerOf(request))) return json(response, 401, { title: 'token required' });
    if (route === 'POST /items') return json(response, 201, { id: nextId++ });
    if (route === 'DELETE /items/{id}') return void response.writeHead(204).end();
    json(response, 200, { ok: true });
  });
  close = server.close;
  return server;
}

describe('auth.unauthenticated-access', () => {
  it('reports secured operations that answer 2xx without credentials, destructive ones as critical', async () => {
    const server = await shop((route) => route === 'GET /stats' || route === 'DELETE /items/{id}');
    const roles = [await bearerRole('admin', ['admin', 'read', 'write'])];
    const report = await auditWith([unauthenticatedAccess], spec, server.url, { roles });
    const findings = findingsOf(report, 'auth.unauthenticated-access');
    expect(findings.map((f) => f.operation).sort()).toEqual(['DELETE /items/{id}', 'GET /stats']);
    const stats = findings.find((f) => f.operation === 'GET /stats')!;
    expect(stats).toMatchObject({ cause: 'unsecured-endpoints', severity: 'high', status: 200 });
    expect(stats.detail).toContain('oauth (admin)');
    expect(stats.evidence[0]!.request.url).toBe(`${server.url}/stats`);
    expect(Object.keys(stats.evidence[0]!.request.headers).map((h) => h.toLowerCase())).not.toContain('authorization');
    const remove = findings.find((f) => f.operation === 'DELETE /items/{id}')!;
    expect(remove).toMatchObject({ severity: 'critical', status: 204 });
    // Aimed at an item created for the purpose, not at the example id 1.
    expect(remove.evidence[0]!.request.url).not.toMatch(/\/items\/1$/);
  });

  it('stays silent when every secured operation answers 401 without a token', async () => {
    const server = await shop(() => false);
    const roles = [await bearerRole('admin', ['admin', 'read', 'write'])];
    const report = await auditWith([unauthenticatedAccess], spec, server.url, { roles });
    expect(findingsOf(report, 'auth.unauthenticated-access')).toEqual([]);
  });
});
