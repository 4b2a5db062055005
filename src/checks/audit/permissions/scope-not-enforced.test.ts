import { afterEach, describe, expect, it } from 'vitest';
import { auditWith, findingsOf, json, startServer } from '../../../engine/audit/audit-harness.test-helper.js';
import type { Role } from '../../types.js';
import { bearerRole, callerOf, securedSpec } from '../auth/auth-api.test-helper.js';
import { scopeNotEnforced } from './scope-not-enforced.js';

const ok = { '200': { description: 'ok' }, '401': { description: 'no' }, '403': { description: 'forbidden' } };
const spec = securedSpec({
  '/stats': { get: { security: [{ oauth: ['admin'] }], responses: ok } },
  '/reports': { get: { security: [{ oauth: ['admin'] }], responses: ok } },
  '/items': {
    post: {
      security: [{ oauth: ['write'] }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } }, example: { name: 'cup' } } } },
      responses: { ...ok, '201': { description: 'created' } },
    },
  },
  '/items/{id}': {
    delete: {
      security: [{ oauth: ['admin'] }],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' }, example: 1 }],
      responses: { ...ok, '204': { description: 'gone' } },
    },
  },
});

const needs: Record<string, string | null> = { 'GET /stats': null, 'GET /reports': 'admin', 'POST /items': 'write', 'DELETE /items/{id}': 'admin' };

/** Enforces the scope of each route, except those named in `unchecked` (which only need a valid token). */
async function shop(unchecked: readonly string[]) {
  let nextId = 10;
  const server = await startServer(async (request, response) => {
    const route = `${request.method} ${request.url!.replace(/\/\d+$/, '/{id}')}`;
    const scope = needs[route];
    if (scope !== null) {
      const caller = await callerOf(request);
      if (!caller) return json(response, 401, { title: 'token required' });
      if (scope && !unchecked.includes(route) && !caller.scopes.includes(scope)) return json(response, 403, { title: `needs ${scope}` });
    }
    if (route === 'POST /items') return json(response, 201, { id: nextId++ });
    if (route === 'DELETE /items/{id}') return void response.writeHead(204).end();
    json(response, 200, { ok: true });
  });
  close = server.close;
  return server;
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function roles(): Promise<Role[]> {
  return [await bearerRole('admin', ['admin', 'read', 'write']), await bearerRole('writer', ['read', 'write']), await bearerRole('reader', ['read'])];
}

describe('permissions.scope-not-enforced', () => {
  it('reports a delete that every token may do although the spec asks for admin, naming the roles', async () => {
    const server = await shop(['DELETE /items/{id}']);
    const report = await auditWith([scopeNotEnforced], spec, server.url, { roles: await roles() });
    const findings = findingsOf(report, 'permissions.scope-not-enforced');
    // GET /stats answers anyone at all: that is auth.unauthenticated-access's finding, not a scope problem.
    expect(findings.map((f) => f.operation)).toEqual(['DELETE /items/{id}']);
    expect(findings[0]).toMatchObject({ cause: 'permissions', severity: 'critical', status: 204 });
    expect(findings[0]!.detail).toContain('requires scopes admin');
    expect(findings[0]!.detail).toContain('reader (scopes: read) got 204');
    expect(findings[0]!.evidence.map((e) => e.note)).toEqual(['as role writer', 'as role reader']);
    expect(findings[0]!.evidence[1]!.request.method).toBe('DELETE');
  });

  it('reports a read that needs admin but answers the reader', async () => {
    const server = await shop(['GET /reports']);
    const report = await auditWith([scopeNotEnforced], spec, server.url, { roles: await roles() });
    expect(findingsOf(report, 'permissions.scope-not-enforced')).toMatchObject([{ operation: 'GET /reports', severity: 'high', status: 200 }]);
  });

  it('stays silent when each role gets 403 for what its scopes do not cover', async () => {
    const server = await shop([]);
    const report = await auditWith([scopeNotEnforced], spec, server.url, { roles: await roles() });
    expect(findingsOf(report, 'permissions.scope-not-enforced')).toEqual([]);
  });
});
