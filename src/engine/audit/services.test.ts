import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../checks/types.js';
import { deadlineCutLabel } from '../../checks/audit/resilience/transport-failure.js';
import { createHttpClient } from '../../http/client.js';
import type { HttpClient } from '../../http/types.js';
import { specFromObject } from '../../spec/load.js';
import type { SpecModel } from '../../spec/model.js';
import { json, startServer, type Handler } from './audit-harness.test-helper.js';
import { RequestBudget } from './budget.js';
import { AuditSession } from './services.js';

const ok = { '200': { description: 'ok' } };
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' }, example: 1 }];
const spec = specFromObject({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/things': { post: { responses: { '201': { description: 'created' } } }, get: { responses: ok } },
    '/things/{id}': { parameters: idParam, get: { responses: ok }, delete: { responses: ok } },
    '/orphans/{id}': { parameters: idParam, delete: { responses: ok } },
    '/admin': { get: { security: [{ oauth: ['admin'] }], responses: ok } },
  },
  components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example/t', scopes: { admin: 'a' } } } } } },
});
const operation = (key: string) => spec.operations.find((o) => o.key === key)!;

describe('AuditSession', () => {
  let close: (() => Promise<void>) | undefined;
  let client: HttpClient | undefined;
  afterEach(async () => {
    await client?.close();
    await close?.();
    client = undefined;
    close = undefined;
  });

  async function sessionFor(handler: Handler, options: { base?: string; maxRequests?: number; maxDurationMs?: number; roles?: Role[]; model?: SpecModel } = {}) {
    const server = await startServer(handler);
    close = server.close;
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 5000 });
    return new AuditSession({
      spec: options.model ?? spec,
      client,
      target: server.url + (options.base ?? ''),
      roles: options.roles ?? [],
      budget: new RequestBudget(options.maxRequests ?? 100, options.maxDurationMs ?? 60_000),
      isDestructiveAllowed: true,
      isExposureProbing: true,
      timeoutMs: 5000,
    });
  }

  it('joins the target and the path with exactly one slash, and records only what is probed', async () => {
    const seen: string[] = [];
    const audit = await sessionFor((request, response) => {
      seen.push(request.url ?? '');
      json(response, 200, {});
    }, { base: '/api/' });
    await audit.probe({ method: 'GET', path: 'things' });
    await audit.send({ method: 'GET', path: '/things?x=1' });
    expect(seen).toEqual(['/api/things', '/api/things?x=1']);
    expect(audit.exchanges()).toHaveLength(1);
    expect(audit.sentCount).toBe(2);
    expect(audit.events.filter((e) => e.type === 'request')).toHaveLength(2);
  });

  it('stops an operation getting generated traffic after a 429 to it, but not after a 429 to a check probe', async () => {
    const audit = await sessionFor((_request, response) => json(response, 429, {}));
    await audit.probe({ method: 'GET', path: '/things', operation: 'GET /things', inputKind: 'probe' });
    expect(audit.rateLimited.has('GET /things')).toBe(false);
    await audit.probe({ method: 'GET', path: '/things', operation: 'GET /things', inputKind: 'invalid' });
    expect(audit.rateLimited.has('GET /things')).toBe(true);
  });

  it('refuses a burst the budget cannot cover without sending any of it, and sends a covered one twice over', async () => {
    let count = 0;
    const audit = await sessionFor((_request, response) => {
      count++;
      json(response, 200, {});
    }, { maxRequests: 30 });
    expect(await audit.burst({ method: 'GET', path: '/things' }, { count: 16, concurrency: 4 })).toBeNull();
    expect(count).toBe(0);
    const result = await audit.burst({ method: 'GET', path: '/things' }, { count: 10, concurrency: 4 });
    expect(count).toBe(20);
    expect(result?.sequentialMs).toHaveLength(10);
    // The load half goes through the load generator: counted, not recorded one by one.
    expect(result?.load).toMatchObject({ sent: 10, responses: 10, statuses: { '200': 10 }, dropped: 0 });
    expect(result?.exchanges).toHaveLength(10);
    expect(audit.remainingRequests()).toBe(10);
  });

  it('sends the load half of a burst with the same method, base path, headers and body, and times a queue from the schedule', async () => {
    const seen: string[] = [];
    let tail = Promise.resolve();
    const audit = await sessionFor(async (request, response) => {
      seen.push(`${request.method} ${request.url} ${request.headers['authorization']} ${request.body}`);
      // One slot of 20 ms: requests that arrive together wait for each other.
      const turn = tail.then(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
      tail = turn;
      await turn;
      json(response, 201, {});
    }, { base: '/api' });
    const result = await audit.burst({ method: 'POST', path: '/things', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"a":1}' }, { count: 10, concurrency: 5 });
    expect(seen).toHaveLength(20);
    expect(new Set(seen)).toEqual(new Set(['POST /api/things Bearer t {"a":1}']));
    const load = result!.load!;
    expect(load.statuses).toEqual({ '201': 10 });
    // Scheduled at 5 per solo latency while the API serves one at a time: the last waits for the nine before it.
    expect(load.maxMs).toBeGreaterThan(Math.min(...result!.sequentialMs) * 4);
  });

  it('creates a fresh resource for a delete and aims the delete at it, not at the example', async () => {
    const seen: string[] = [];
    const audit = await sessionFor((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      json(response, request.method === 'POST' ? 201 : 200, { id: 77 });
    });
    const request = await audit.freshRequestFor(operation('DELETE /things/{id}'));
    expect(seen).toEqual(['POST /things']);
    expect(request?.path).toBe('/things/77');
    expect(request?.method).toBe('DELETE');
  });

  it('falls back to the ordinary request when there is no create operation or the create fails', async () => {
    const audit = await sessionFor((request, response) => json(response, request.method === 'POST' ? 500 : 200, { id: 5 }));
    expect((await audit.freshRequestFor(operation('DELETE /orphans/{id}')))?.path).toBe('/orphans/1');
    expect((await audit.freshRequestFor(operation('DELETE /things/{id}')))?.path).toBe('/things/1');
    // Reads need no fresh resource.
    expect((await audit.freshRequestFor(operation('GET /things/{id}')))?.path).toBe('/things/1');
  });

  it('labels a request whose timeout was cut to fit the audit deadline, and does not count it against the operation', async () => {
    const audit = await sessionFor(() => undefined, { maxDurationMs: 300 });
    const exchange = await audit.probe({ method: 'GET', path: '/things', operation: 'GET /things' });
    expect(exchange?.label).toBe(deadlineCutLabel);
    expect(exchange?.error?.code).toMatch(/^TIMEOUT/);
    expect(audit.failing.isGivenUp('GET /things')).toBe(false);
    expect(await audit.probe({ method: 'GET', path: '/things', operation: 'GET /things' })).toBeNull();
    expect(audit.isBudgetSpent()).toBe(true);
  });

  it('splits the roles into those the operation allows and those it denies', async () => {
    const admin: Role = { name: 'admin', headers: {}, scopes: ['admin'] };
    const user: Role = { name: 'user', headers: {}, scopes: [] };
    const audit = await sessionFor((_request, response) => json(response, 200, {}), { roles: [user, admin] });
    expect(audit.rolesFor(operation('GET /admin'))).toEqual({ allowed: [admin], denied: [user] });
    expect(audit.rolesFor(operation('GET /things'))).toEqual({ allowed: [user, admin], denied: [] });
  });
});

describe('AuditSession against a target that is not loopback', () => {
  it('returns null for a destructive request the client refuses, and counts it as not sent', async () => {
    const client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 1000 });
    try {
      // 192.0.2.0/24 is reserved for documentation: the guard refuses before anything is sent there.
      const audit = new AuditSession({ spec, client, target: 'http://192.0.2.1', roles: [], budget: new RequestBudget(10, 60_000), isDestructiveAllowed: false, isExposureProbing: true, timeoutMs: 1000 });
      expect(await audit.probe({ method: 'DELETE', path: '/things/1', operation: 'DELETE /things/{id}' })).toBeNull();
      expect(audit.sentCount).toBe(0);
      expect(audit.exchanges()).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
