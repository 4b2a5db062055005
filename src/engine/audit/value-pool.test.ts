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
    expect(pool.all()).toEqual([{ collection: '/users', value: 17, role: 'admin', operation: 'POST /users', isCreated: true, fields: { id: 17, name: 'Ann' }, parents: {} }]);
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

  it('learns records from item reads and updates for the collection above them, and a nested create under its own collection with its parent', () => {
    const pool = new ValuePool();
    pool.learn(op('GET /users/{userId}'), null, { id: 5 }, { userId: '5' });
    pool.learn(op('PUT /users/{userId}'), null, { id: 6 }, { userId: '6' });
    expect(pool.all().map((v) => [v.collection, v.value, v.isCreated])).toEqual([
      ['/users', 5, false],
      ['/users', 6, false],
    ]);
    pool.learn(op('POST /users/{userId}/orders'), null, { id: 'o-1' }, { userId: '5' });
    expect(pool.valueFor('/users/{userId}', 'userId')).toBe(6);
    expect(pool.valueFor('/users/{userId}/orders/{orderId}', 'orderId')).toBe('o-1');
    expect(pool.all().find((v) => v.value === 'o-1')).toMatchObject({ collection: '/users/{userId}/orders', parents: { userId: '5' }, isCreated: true });
  });

  it('fills a parameter by name from a record wrapped in an envelope, not by position', () => {
    const pool = new ValuePool();
    const posts = specFromObject({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/posts': { post: { responses: ok } }, '/posts/{slug}/comments': { post: { responses: ok } }, '/posts/{slug}/comments/{id}': { get: { responses: ok } } },
    });
    pool.learn(op('POST /posts', posts), 'writer', { post: { id: 11, slug: 'hello-x1', title: 'Hello', author: { username: 'ann' } } });
    expect(pool.valueFor('/posts/{slug}', 'slug')).toBe('hello-x1');
    expect(pool.valueFor('/posts/{postId}', 'postId')).toBe(11);
    expect(pool.valueFor('/profiles/{username}', 'username')).toBe('ann');
    expect(pool.all((collection) => (collection === '/posts' ? 'slug' : undefined))).toMatchObject([{ collection: '/posts', value: 'hello-x1', isCreated: true }]);
  });

  it('prefers children created under the parent value already chosen', () => {
    const pool = new ValuePool();
    const nested = '/posts/{slug}/comments/{id}';
    const create = { method: 'post', path: '/posts/{slug}/comments', key: 'POST /posts/{slug}/comments' } as Operation;
    pool.learn(create, null, { comment: { id: 1 } }, { slug: 'a' });
    pool.learn(create, null, { comment: { id: 2 } }, { slug: 'b' });
    expect(pool.valueFor(nested, 'id', { slug: 'a' })).toBe(1);
    expect(pool.valueFor(nested, 'id', { slug: 'b' })).toBe(2);
    expect(pool.candidates(nested, 'id', { slug: 'a' }).slice(0, 2)).toEqual([1, 2]);
  });

  it('learns the new resource from a Location header when the body names nothing', () => {
    const pool = new ValuePool();
    pool.learn(op('POST /users'), null, undefined, {}, 'http://api.example/v1/users/ann-7');
    expect(pool.valueFor('/users/{userId}', 'userId')).toBe('ann-7');
    pool.learn(op('POST /users'), null, undefined, {}, '/elsewhere/9');
    expect(pool.valueFor('/users/{userId}', 'userId')).toBe('ann-7');
  });

  it('finds fields at any depth of a page, but stops at a bounded walk', () => {
    const pool = new ValuePool();
    pool.learn(op('GET /users'), null, { page: { results: { items: [{ account: { accountNumber: 'AC-1' } }] } } });
    expect(pool.valuesNamed('accountNumber')).toEqual(['AC-1']);
    expect(pool.valuesNamed('account_number')).toEqual(['AC-1']);
    let deep: Record<string, unknown> = { secret: 'too-deep' };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    pool.learn(op('GET /users'), null, deep);
    expect(pool.valuesNamed('secret')).toEqual([]);
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
    expect(audit.learned()).toMatchObject([{ collection: '/users', value: 'u-1', role: null, operation: 'POST /users', isCreated: true }]);
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

describe('ValuePool: the same resource learnt elsewhere', () => {
  const model = specFromObject({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: { '/register': { post: { responses: ok } }, '/posts': { post: { responses: ok } }, '/-/data/packages': { get: { responses: ok } } },
  });

  it("fills /users/{id} with the user's id from a registration's envelope before any other id", () => {
    const pool = new ValuePool();
    pool.learn(op('POST /register', model), null, { accessToken: 'x', user: { id: 1, email: 'a@example.com' } });
    pool.learn(op('POST /posts', model), null, { id: 7, userId: 1 });
    expect(pool.valueFor('/users/{id}', 'id')).toBe(1);
  });

  it('fills {package} with the names a listing of a packages collection showed', () => {
    const pool = new ValuePool();
    pool.learn(op('GET /-/data/packages', model), null, [{ name: 'alice-lib', version: '1.0.0' }]);
    expect(pool.valueFor('/{package}', 'package')).toBe('alice-lib');
    expect(pool.valueFor('/-/package/{package}/dist-tags', 'package')).toBe('alice-lib');
  });
});

describe('ValuePool: other identifiers of a record', () => {
  it('offers a record’s other identifiers after its best one, so the reach phase can try the name after the _id', () => {
    const model = specFromObject({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/-/data/packages': { get: { responses: ok } } } });
    const pool = new ValuePool();
    pool.learn(op('GET /-/data/packages', model), null, [{ _id: 'alice-lib@1.0.0', name: 'alice-lib', version: '1.0.0' }]);
    expect(pool.candidates('/{package}', 'package').slice(0, 2)).toEqual(['alice-lib@1.0.0', 'alice-lib']);
  });
});
