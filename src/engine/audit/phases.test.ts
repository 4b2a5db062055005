import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../http/client.js';
import { specFromObject } from '../../spec/load.js';
import { json, startServer } from './audit-harness.test-helper.js';
import { runWith } from './audit-run.test-helper.js';
import { RequestBudget } from './budget.js';
import { documentsRateLimit, fuzzPhase, orderForTraffic } from './phases.js';
import { AuditSession } from './services.js';

const ok = { '200': { description: 'ok' }, '400': { description: 'bad input' } };
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }];
const itemBody = {
  required: true,
  content: {
    'application/json': {
      schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 10 }, size: { type: 'integer', minimum: 1, maximum: 5 }, colour: { type: 'string', enum: ['red', 'blue'] } } },
    },
  },
};
const crud = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/items/{id}': { parameters: idParam, delete: { responses: ok }, get: { responses: ok }, put: { requestBody: itemBody, responses: ok } },
    '/items': { get: { responses: ok }, post: { requestBody: itemBody, responses: { '201': { description: 'created' }, '400': { description: 'bad' } } } },
  },
};

/** A small in-memory item store that validates like the schema above and counts what it is sent. */
async function itemServer() {
  const seen: string[] = [];
  const items = new Map<number, unknown>();
  let next = 0;
  const server = await startServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    const id = Number(/^\/items\/(\d+)/.exec(request.url ?? '')?.[1]);
    let body: Record<string, unknown> | undefined;
    try {
      body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : undefined;
    } catch {
      return json(response, 400, { error: 'malformed' });
    }
    const isValid = !!body && typeof body === 'object' && !Array.isArray(body) && typeof body['name'] === 'string';
    if (request.method === 'POST') {
      if (!isValid) return json(response, 400, { error: 'invalid' });
      items.set(++next, body);
      return json(response, 201, { id: next, ...body });
    }
    if (request.url === '/items') return json(response, 200, [...items.entries()].map(([key, value]) => ({ id: key, ...(value as object) })));
    if (!items.has(id)) return json(response, 404, { error: 'not found' });
    if (request.method === 'DELETE') items.delete(id);
    if (request.method === 'PUT' && !isValid) return json(response, 400, { error: 'invalid' });
    json(response, 200, { id });
  });
  return { ...server, seen };
}

describe('orderForTraffic', () => {
  it('puts creates first, then reads, then updates, then deletes; collections before items', () => {
    const spec = specFromObject(crud);
    expect(orderForTraffic(spec.operations).map((o) => o.key)).toEqual(['POST /items', 'GET /items', 'GET /items/{id}', 'PUT /items/{id}', 'DELETE /items/{id}']);
  });
});

describe('documentsRateLimit', () => {
  it('is true only for an operation that documents a 429', () => {
    const spec = specFromObject({
      ...crud,
      paths: { '/a': { get: { responses: { '200': { description: 'ok' }, '429': { description: 'slow down' } } }, post: { responses: { '4XX': { description: 'x' } } } } },
    });
    expect(spec.operations.map((o) => [o.key, documentsRateLimit(o)])).toEqual([
      ['GET /a', true],
      ['POST /a', false],
    ]);
  });
});

describe('the traffic phases', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('send the valid examples creates first, reads with the created id, and deletes a resource made just for that', async () => {
    const server = await itemServer();
    close = server.close;
    const { events } = await runWith(crud, server.url);
    // The examples phase ends before the negative phase starts: what the server saw by then is its traffic.
    const finished = events.findIndex((e) => e.type === 'phase-finished' && e.phase === 'examples');
    const sentBefore = events.slice(0, finished).filter((e) => e.type === 'request').length;
    expect(server.seen.slice(0, sentBefore)).toEqual(['POST /items', 'GET /items', 'GET /items/1', 'POST /items', 'PUT /items/2', 'POST /items', 'DELETE /items/3']);
  });

  it('send no POST, PUT or DELETE when destructive methods are not allowed, and say so in the report', async () => {
    const server = await itemServer();
    close = server.close;
    const { report } = await runWith(crud, server.url, { isDestructiveAllowed: false });
    expect(server.seen.length).toBeGreaterThan(0);
    expect(server.seen.filter((line) => !line.startsWith('GET '))).toEqual([]);
    expect(report.notes).toContain('destructive operations (POST/PUT/PATCH/DELETE) were not sent: the target is not loopback (pass --unsafe to allow)');
  });

  it('add no note about destructive operations when the spec has none', async () => {
    const server = await itemServer();
    close = server.close;
    const readOnly = { ...crud, paths: { '/items': { get: { responses: ok } } } };
    const { report } = await runWith(readOnly, server.url, { isDestructiveAllowed: false });
    expect(report.notes.some((n) => n.startsWith('destructive operations'))).toBe(false);
  });
});

describe('rate-limited operations', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  const loginBody = {
    required: true,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['user', 'password'],
          properties: { user: { type: 'string', minLength: 1, maxLength: 20 }, password: { type: 'string', minLength: 8, maxLength: 64 }, remember: { type: 'boolean' }, otp: { type: 'integer', minimum: 0, maximum: 999999 } },
        },
      },
    },
  };

  async function countingServer(answer: (path: string, count: number) => number) {
    const perPath = new Map<string, number>();
    const server = await startServer((request, response) => {
      const path = (request.url ?? '').split('?')[0]!;
      const count = (perPath.get(path) ?? 0) + 1;
      perPath.set(path, count);
      const status = answer(path, count);
      json(response, status, status < 300 ? { token: 'x' } : { error: String(status) });
    });
    close = server.close;
    return { url: server.url, perPath };
  }

  it('get two invalid requests and no fuzzing when they document 429, while a twin without 429 gets more', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/login': { post: { requestBody: loginBody, responses: { '200': { description: 'ok' }, '400': { description: 'bad' }, '429': { description: 'too many' } } } },
        '/signup': { post: { requestBody: loginBody, responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } } },
      },
    };
    const server = await countingServer(() => 400);
    const { events } = await runWith(spec, server.url);
    const byPhase = (operation: string, phase: string) => events.filter((e) => e.type === 'request' && e.operation === operation && e.phase === phase).length;
    expect(byPhase('POST /login', 'examples')).toBe(1);
    expect(byPhase('POST /login', 'negative')).toBe(2);
    expect(byPhase('POST /login', 'fuzz')).toBe(0);
    expect(server.perPath.get('/login')).toBe(3);
    expect(byPhase('POST /signup', 'negative')).toBeGreaterThan(2);
    expect(byPhase('POST /signup', 'fuzz')).toBeGreaterThan(0);
  });

  it('get no more generated traffic once they answer 429 to it', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/search': { post: { requestBody: loginBody, responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } } },
        '/other': { post: { requestBody: loginBody, responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } } },
      },
    };
    // /search takes five requests, then answers 429 to everything.
    const server = await countingServer((path, count) => (path === '/search' && count > 5 ? 429 : 400));
    await runWith(spec, server.url);
    expect(server.perPath.get('/search')).toBe(6);
    expect(server.perPath.get('/other')).toBeGreaterThan(6);
  });

  it('stop fuzzing an operation when it starts answering 429 during fuzzing', async () => {
    const spec = specFromObject({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/search': { post: { requestBody: loginBody, responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } } } },
    });
    // Three fuzz requests pass, then the API starts limiting.
    const server = await countingServer((_, count) => (count > 3 ? 429 : 400));
    const client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 2000 });
    try {
      const session = new AuditSession({ spec, client, target: server.url, roles: [], budget: new RequestBudget(500, 60_000), isDestructiveAllowed: true, isExposureProbing: false, timeoutMs: 2000 });
      session.phase = 'fuzz';
      await fuzzPhase(session, spec, spec.operations, 200, 1);
      expect(server.perPath.get('/search')).toBe(4);
      expect(session.rateLimited.has('POST /search')).toBe(true);
    } finally {
      await client.close();
    }
  });
});
