import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../http/client.js';
import type { HttpClient } from '../../http/types.js';
import { specFromObject } from '../../spec/load.js';
import type { Operation, SpecModel } from '../../spec/model.js';
import { json, startServer } from './audit-harness.test-helper.js';
import { RequestBudget } from './budget.js';
import { AuditSession } from './services.js';
import { collectionOf, ValuePool } from './value-pool.js';

const ok = { '200': { description: 'ok' } };
const spec = specFromObject({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/users': { get: { responses: ok }, post: { responses: ok } },
    '/users/{userId}': { get: { responses: ok }, delete: { responses: ok }, put: { responses: ok } },
    '/users/{userId}/orders': { post: { responses: ok } },
    '/users/{userId}/orders/{orderId}': { get: { responses: ok } },
  },
});
function op(key: string, model: SpecModel = spec): Operation {
  return model.operations.find((o) => o.key === key)!;
}

describe('collectionOf', () => {
  it('cuts the path before the named parameter', () => {
    expect(collectionOf('/users/{userId}/orders/{orderId}', 'orderId')).toBe('/users/{userId}/orders');
    expect(collectionOf('/users/{userId}/orders/{orderId}', 'userId')).toBe('/users');
    expect(collectionOf('/users/{userId}/', 'userId')).toBe('/users');
  });

  it('keeps the path when the parameter is not in it or starts it', () => {
    expect(collectionOf('/users', 'userId')).toBe('/users');
    expect(collectionOf('{id}', 'id')).toBe('{id}');
  });
});

describe('ValuePool', () => {
  it('learns the id a create returns, for the item path under that collection', () => {
    const pool = new ValuePool();
    pool.learn(op('POST /users'), 'admin', { id: 17, name: 'Ann' });
    expect(pool.valueFor('/users/{userId}', 'userId')).toBe(17);
    expect(pool.all()).toEqual([{ collection: '/users', value: 17, role: 'admin', operation: 'POST /users', isCreated: true }]);
  });

  it('learns ids from a plain list and from paged wrappers, each once, and the newest wins', () => {
    const pool = new ValuePool();
    pool.learn(op('GET /users'), null, [{ id: 1 }, { id: 2 }]);
    expect(pool.valueFor('/users/{userId}', 'userId')).toBe(2);
    for (const wrapper of ['data', 'items', 'results', 'records', 'content', 'entries']) {
      pool.learn(op('GET /users'), null, { [wrapper]: [{ id: `${wrapper}-1` }], total: 1 });
      expect(pool.valueFor('/users/{userId}', 'userId')).toBe(`${wrapper}-1`);
    }
    pool.learn(op('GET /users'), null, [{ id: 1 }]);
    expect(pool.all().filter((v) => v.value === 1)).toHaveLength(1);
    expect(pool.all().every((v) => !v.isCreated && v.operation === 'GET /users')).toBe(true);
  });

  it('falls back to uuid, key, slug and name when an item has no id', () => {
    const pool = new ValuePool();
    pool.learn(op('GET /users'), null, [{ uuid: 'u' }, { key: 'k' }, { slug: 's' }, { name: 'n' }, { title: 'none' }, 'scalar', null]);
    expect(pool.all().map((v) => v.value)).toEqual(['u', 'k', 's', 'n']);
  });

  it('reads at most 20 items of a listing', () => {
    const pool = new ValuePool();
    pool.learn(op('GET /users'), null, Array.from({ length: 50 }, (_, i) => ({ id: i })));
    expect(pool.all()).toHaveLength(20);
  });

  it('learns nothing from an item read, an update or a nested create under the wrong collection', () => {
    const pool = new ValuePool();
    pool.learn(op('GET /users/{userId}'), null, { id: 5 });
    pool.learn(op('PUT /users/{userId}'), null, { id: 6 });
    expect(pool.all()).toEqual([]);
    pool.learn(op('POST /users/{userId}/orders'), null, { id: 'o-1' });
    expect(pool.valueFor('/users/{userId}', 'userId')).toBeUndefined();
    expect(pool.valueFor('/users/{userId}/orders/{orderId}', 'orderId')).toBe('o-1');
  });

  it('forgets a deleted id, matching numbers and the strings read back from a URL', () => {
    const pool = new ValuePool();
    pool.learn(op('GET /users'), null, [{ id: 1 }, { id: 2 }]);
    pool.forget('/users/{userId}', 'userId', '2');
    expect(pool.valueFor('/users/{userId}', 'userId')).toBe(1);
    pool.forget('/users/{userId}', 'userId', 1);
    expect(pool.valueFor('/users/{userId}', 'userId')).toBeUndefined();
  });

  it('keeps link values per target operation and parameter, ignoring undefined ones', () => {
    const pool = new ValuePool();
    pool.learnLink('getUser', 'userId', 'u-1');
    pool.learnLink('getUser', 'userId', undefined);
    expect(pool.linkValue('getUser', 'userId')).toBe('u-1');
    expect(pool.linkValue('getUser', 'other')).toBeUndefined();
    expect(pool.linkValue(undefined, 'userId')).toBeUndefined();
  });
});

describe('AuditSession learning from live traffic', () => {
  let close: (() => Promise<void>) | undefined;
  let client: HttpClient | undefined;
  afterEach(async () => {
    await client?.close();
    await close?.();
    client = undefined;
    close = undefined;
  });

  const linked = specFromObject({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/users': {
        post: {
          responses: {
            '201': {
              description: 'created',
              links: { profile: { operationId: 'getProfile', parameters: { profileId: '$response.body#/profile/id' } } },
            },
          },
        },
      },
      '/users/{userId}': {
        parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }],
        get: { responses: ok },
        delete: { responses: { '204': { description: 'gone' } } },
      },
      '/profiles/{profileId}': {
        get: { operationId: 'getProfile', parameters: [{ name: 'profileId', in: 'path', required: true, schema: { type: 'string' } }], responses: ok },
      },
    },
  });

  async function session() {
    let next = 0;
    const server = await startServer((request, response) => {
      if (request.method === 'POST' && request.url === '/users') {
        next++;
        return json(response, 201, { id: `u-${next}`, profile: { id: `p-${next}` } });
      }
      if (request.method === 'POST' && request.url === '/users?bad') return json(response, 201, { id: 'from-invalid' });
      if (request.method === 'DELETE') {
        response.writeHead(204).end();
        return;
      }
      json(response, 200, {});
    });
    close = server.close;
    client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: 2000 });
    return new AuditSession({ spec: linked, client, target: server.url, roles: [], budget: new RequestBudget(50, 60_000), isDestructiveAllowed: true, isExposureProbing: false, timeoutMs: 2000 });
  }

  it('aims later requests at the id a create returned, and at values its links point to', async () => {
    const audit = await session();
    const created = await audit.probe({ ...audit.requestFor(op('POST /users', linked))!, inputKind: 'valid' });
    expect(created?.response?.status).toBe(201);
    expect(audit.requestFor(op('GET /users/{userId}', linked))?.path).toBe('/users/u-1');
    expect(audit.requestFor(op('GET /profiles/{profileId}', linked))?.path).toBe('/profiles/p-1');
    expect(audit.learned()).toEqual([{ collection: '/users', value: 'u-1', role: null, operation: 'POST /users', isCreated: true }]);
  });

  it('stops using an id once a delete of it succeeded', async () => {
    const audit = await session();
    const create = audit.requestFor(op('POST /users', linked))!;
    await audit.probe({ ...create, inputKind: 'valid' });
    await audit.probe({ ...create, inputKind: 'valid' });
    expect(audit.requestFor(op('GET /users/{userId}', linked))?.path).toBe('/users/u-2');
    await audit.probe({ ...audit.requestFor(op('DELETE /users/{userId}', linked))!, inputKind: 'valid' });
    expect(audit.requestFor(op('GET /users/{userId}', linked))?.path).toBe('/users/u-1');
  });

  it('learns nothing from a response to deliberately invalid input', async () => {
    const audit = await session();
    await audit.probe({ method: 'POST', path: '/users?bad', operation: 'POST /users', inputKind: 'invalid' });
    expect(audit.learned()).toEqual([]);
  });
});
