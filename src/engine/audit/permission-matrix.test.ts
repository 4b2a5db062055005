import { afterEach, describe, expect, it } from 'vitest';
import { bearerRole, callerOf, securedSpec } from '../../checks/audit/auth/auth-api.test-helper.js';
import { unauthenticatedAccess } from '../../checks/audit/auth/unauthenticated-access.js';
import { overDenied } from '../../checks/audit/permissions/over-denied.js';
import { scopeNotEnforced } from '../../checks/audit/permissions/scope-not-enforced.js';
import type { Role } from '../../checks/types.js';
import { matrixChanges } from '../../core/permission-matrix.js';
import { json, startServer } from './audit-harness.test-helper.js';
import { runWith } from './audit-run.test-helper.js';

const ok = (status = '200') => ({ [status]: { description: 'ok' }, '401': { description: 'no credentials' }, '403': { description: 'not allowed' } });
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }];
const spec = securedSpec({
  '/things': {
    get: { responses: ok() },
    post: { security: [{ oauth: ['write'] }], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' }, example: { name: 'cup' } } } }, responses: ok('201') },
  },
  '/things/{id}': { parameters: idParam, delete: { security: [{ oauth: ['admin'] }], responses: ok('204') } },
  '/things/{id}/report': { parameters: idParam, get: { responses: { ...ok(), '400': { description: 'bad' } } } },
  '/crash': { get: { responses: ok() } },
  '/health': { get: { security: [], responses: { '200': { description: 'ok' } } } },
  '/ghost': { get: { responses: ok() } },
});

/**
 * Every verdict once: reads need a token (anonymous denied, readers allowed); creating needs `write`
 * but the API refuses writers (over-denied); deleting needs `admin` but any token may (violation);
 * /crash fails for everyone (error); the report needs a query the spec does not name (untested).
 */
async function api() {
  let next = 0;
  return startServer(async (request, response) => {
    const path = request.url!.split('?')[0]!;
    if (path === '/health') return void json(response, 200, { status: 'ok' });
    if (path === '/ghost') return void json(response, 404, { title: 'no such route' });
    const caller = await callerOf(request);
    if (!caller) return void json(response, 401, { title: 'token required' });
    if (path === '/crash') return void json(response, 500, { title: 'boom' });
    if (path === '/things' && request.method === 'POST') return caller.scopes.includes('admin') ? json(response, 201, { id: ++next }) : json(response, 403, { title: 'admins only' });
    if (path === '/things') return void json(response, 200, [{ id: 1 }]);
    if (/^\/things\/\d+\/report$/.test(path)) return void json(response, 400, { title: 'format query required' });
    if (/^\/things\/\d+$/.test(path) && request.method === 'DELETE') return void response.writeHead(204).end();
    json(response, 404, { title: 'none' });
  });
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function roles(): Promise<Role[]> {
  return [await bearerRole('admin', ['read', 'write', 'admin']), await bearerRole('writer', ['read', 'write']), await bearerRole('reader', ['read'])];
}

describe('the permission matrix', () => {
  it('judges every role and anonymous on every operation, with every verdict, and links problem cells to their findings', async () => {
    const server = await api();
    close = server.close;
    const { report } = await runWith(spec, server.url, { roles: await roles(), checks: [unauthenticatedAccess, scopeNotEnforced, overDenied], maxRequests: 800 });
    const matrix = report.permissionMatrix!;
    expect(matrix.roles).toEqual(['anonymous', 'admin', 'writer', 'reader']);
    const grid = Object.fromEntries(matrix.rows.map((row) => [row.operation, Object.fromEntries(Object.entries(row.cells).map(([role, cell]) => [role, `${cell.verdict} ${cell.status ?? '-'}`]))]));
    expect(grid).toEqual({
      'GET /things': { anonymous: 'denied 401', admin: 'allowed 200', writer: 'allowed 200', reader: 'allowed 200' },
      'POST /things': { anonymous: 'denied 401', admin: 'allowed 201', writer: 'over-denied 403', reader: 'denied 403' },
      'DELETE /things/{id}': { anonymous: 'denied 401', admin: 'allowed 204', writer: 'violation 204', reader: 'violation 204' },
      'GET /things/{id}/report': { anonymous: 'denied 401', admin: 'untested 400', writer: 'untested 400', reader: 'untested 400' },
      'GET /crash': { anonymous: 'denied 401', admin: 'error 500', writer: 'error 500', reader: 'error 500' },
      'GET /health': { anonymous: 'allowed 200', admin: 'allowed 200', writer: 'allowed 200', reader: 'allowed 200' },
      // Routed nowhere: a 404 for everyone says nothing about who may call it.
      'GET /ghost': { anonymous: 'untested 404', admin: 'untested 404', writer: 'untested 404', reader: 'untested 404' },
    });
    const row = (operation: string) => matrix.rows.find((r) => r.operation === operation)!;
    expect(row('DELETE /things/{id}')).toMatchObject({ requires: 'oauth (admin)', group: '/things' });
    expect(row('DELETE /things/{id}').cells['reader']).toMatchObject({ expected: 'denied', finding: 'permissions.scope-not-enforced' });
    expect(row('POST /things').cells['writer']).toMatchObject({ expected: 'allowed', finding: 'permissions.over-denied' });
    expect(row('GET /things/{id}/report').cells['admin']!.why).toMatch(/answered 400 before permissions could be judged/);
    expect(report.findings.map((f) => `${f.check} ${f.operation}`).sort()).toEqual(['permissions.over-denied POST /things', 'permissions.scope-not-enforced DELETE /things/{id}']);
    expect(report.findings.find((f) => f.check === 'permissions.over-denied')).toMatchObject({ severity: 'low', cause: 'permissions', status: 403 });
  });

  it('marks destructive cells untested, and sends them nothing, when destructive requests are not allowed', async () => {
    const server = await api();
    close = server.close;
    const { report } = await runWith(spec, server.url, { roles: await roles(), checks: [scopeNotEnforced], maxRequests: 800, isDestructiveAllowed: false });
    const cells = report.permissionMatrix!.rows.find((r) => r.operation === 'DELETE /things/{id}')!.cells;
    expect(Object.values(cells).map((c) => c.verdict)).toEqual(['untested', 'untested', 'untested', 'untested']);
    expect(cells['reader']!.why).toMatch(/--unsafe/);
  });

  it('runs only the examples and reach phases for a permissions-only audit', async () => {
    const server = await api();
    close = server.close;
    const { report, events } = await runWith(spec, server.url, { roles: await roles(), checks: [scopeNotEnforced, overDenied], maxRequests: 800 });
    const phases = events.filter((e) => e.type === 'phase-started').map((e) => (e as { phase: string }).phase);
    expect(phases).toEqual(['lint', 'examples', 'reach', 'checks']);
    expect(report.permissionMatrix!.rows).toHaveLength(7);
  });

  it('lists the cells whose verdict changed between two runs, ignoring untested ones', () => {
    const cell = (verdict: 'denied' | 'violation' | 'untested', status: number | null) => ({ expected: 'denied' as const, status, verdict });
    const before = { roles: ['anonymous', 'reader'], rows: [{ operation: 'DELETE /x', group: '/x', requires: 'oauth (admin)', cells: { anonymous: cell('denied', 401), reader: cell('denied', 403) } }] };
    const after = { roles: ['anonymous', 'reader'], rows: [{ operation: 'DELETE /x', group: '/x', requires: 'oauth (admin)', cells: { anonymous: cell('untested', null), reader: cell('violation', 204) } }] };
    expect(matrixChanges(before, after)).toEqual([{ operation: 'DELETE /x', role: 'reader', from: 'denied', to: 'violation', status: 204 }]);
  });
});

describe('over-denied cells that may be the body’s doing', () => {
  const loginSpec = securedSpec({
    '/login': { post: { security: [{ oauth: ['read'] }], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['password'], properties: { password: { type: 'string' } } } } } }, responses: ok() } },
    '/notes': { post: { security: [{ oauth: ['write'] }], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { text: { type: 'string' }, userId: { type: 'integer' } } }, example: { text: 'hi', userId: 1 } } } }, responses: ok('201') } },
  });

  it('leaves untested a refusal everyone got, and one of a body naming an owner, where another principal was let in', async () => {
    const server = await startServer(async (request, response) => {
      const caller = await callerOf(request);
      if (!caller) return void json(response, 401, { title: 'token required' });
      if (request.url === '/login') return void json(response, 401, { title: 'bad password' });
      // Notes belong to user 1 (the admin's id): anyone else naming userId 1 is refused.
      return void (caller.sub === 'admin' ? json(response, 201, { id: 1 }) : json(response, 403, { title: 'not your userId' }));
    });
    close = server.close;
    const { report } = await runWith(loginSpec, server.url, { roles: await roles(), checks: [overDenied], maxRequests: 800 });
    const cells = (operation: string) => report.permissionMatrix!.rows.find((r) => r.operation === operation)!.cells;
    expect(cells('POST /login')['reader']).toMatchObject({ verdict: 'untested', status: 401, why: expect.stringMatching(/as every principal was/) });
    expect(cells('POST /notes')['writer']).toMatchObject({ verdict: 'untested', status: 403, why: expect.stringMatching(/a body with 'userId'/) });
    expect(report.findings.filter((f) => f.check === 'permissions.over-denied')).toEqual([]);
  });
});
