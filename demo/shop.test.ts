import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv } from 'ajv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { demoSpecPath, startDemoApi } from './shop.js';
import type { DemoApi } from './shop.js';
import { demoCredentials, signDemoToken, unsignedDemoToken } from './tokens.js';
import type { DemoCredential, DemoRole } from './tokens.js';

interface SpecOperation {
  readonly deprecated?: boolean;
  readonly parameters?: readonly unknown[];
  readonly responses: Record<string, unknown>;
  readonly security?: readonly Record<string, readonly string[]>[];
}

interface Spec {
  readonly paths: Record<string, Record<string, SpecOperation>>;
  readonly components: Record<string, unknown>;
}

const spec = parse(readFileSync(demoSpecPath(), 'utf8')) as Spec;
const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
ajv.addSchema({ components: spec.components }, 'spec');

function operation(method: string, path: string): SpecOperation {
  const op = spec.paths[path]?.[method];
  if (op === undefined) throw new Error(`spec has no ${method} ${path}`);
  return op;
}

function matchesSchema(name: string, value: unknown): boolean {
  const validate = ajv.getSchema(`spec#/components/schemas/${name}`);
  if (validate === undefined) throw new Error(`spec has no schema ${name}`);
  return validate(value) === true;
}

function expectProblem(response: Response, body: unknown, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(matchesSchema('Problem', body)).toBe(true);
}

let demo: DemoApi;
let auth: Record<DemoRole, DemoCredential['headers']>;

beforeEach(async () => {
  demo = await startDemoApi({ port: 0 });
  const credentials = await demoCredentials();
  auth = Object.fromEntries(credentials.map((c) => [c.name, c.headers])) as typeof auth;
});

afterEach(async () => {
  await demo.close();
});

function call(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${demo.url}${path}`, { redirect: 'manual', ...init });
}

function json(method: string, headers: Record<string, string>, body: unknown): RequestInit {
  return { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

describe('the demo shop', () => {
  it('listens on 127.0.0.1 only, and so does its own inventory', () => {
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(demo.inventoryUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('closes twice without error', async () => {
    await demo.close();
    await expect(demo.close()).resolves.toBeUndefined();
  });
});

describe('unsecured-endpoints', () => {
  it('answers GET /admin/stats without credentials although the spec asks for admin (planted)', async () => {
    expect(operation('get', '/admin/stats').security).toEqual([{ oauth: ['admin'] }]);
    const response = await call('/admin/stats');
    expect(response.status).toBe(200);
    expect(matchesSchema('AdminStats', await response.json())).toBe(true);
  });

  it('asks for a token on the catalogue reads, like everywhere but health, login and docs', async () => {
    for (const path of ['/products', '/products/1', '/products/1/availability', '/products/1/stock', '/products/search?q=cup', '/v1/products', '/reports/slow']) {
      const response = await call(path);
      expectProblem(response, await response.json(), 401);
    }
  });

  it('refuses GET /orders without a token, with a forged one and with an expired one (clean)', async () => {
    const forged = await call('/orders', { headers: { Authorization: 'Bearer not.a.jwt' } });
    expectProblem(forged, await forged.json(), 401);
    const none = await call('/orders');
    expectProblem(none, await none.json(), 401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const expired = await signDemoToken({ subject: 'bob', scopes: ['read'], expiresInSeconds: -60 });
    expect((await call('/orders', { headers: { Authorization: `Bearer ${expired}` } })).status).toBe(401);
    expect((await call('/orders/1/invoice', { headers: { Authorization: `Bearer ${expired}` } })).status).toBe(401);
  });

  it('accepts an expired token on GET /orders/{id} only (planted)', async () => {
    const expired = await signDemoToken({ subject: 'bob', scopes: ['read'], expiresInSeconds: -60 });
    const response = await call('/orders/1', { headers: { Authorization: `Bearer ${expired}` } });
    expect(response.status).toBe(200);
  });

  it('accepts an alg:none token on GET /users/me only (planted)', async () => {
    const unsigned = unsignedDemoToken({ subject: 'carol', scopes: ['read'], expiresInSeconds: 600 });
    const headers = { Authorization: `Bearer ${unsigned}` };
    const me = await call('/users/me', { headers });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ id: 3, username: 'carol', displayName: 'Carol Reader' });
    expect((await call('/orders', { headers })).status).toBe(401);
    expect((await call('/orders/1', { headers })).status).toBe(401);
    expect((await call('/profile', { headers })).status).toBe(401);
  });
});

describe('permissions', () => {
  it('lets a reader delete a product although the spec asks for admin (planted)', async () => {
    expect(operation('delete', '/products/{id}').security).toEqual([{ oauth: ['admin'] }]);
    expect((await call('/products/5', { method: 'DELETE', headers: auth.reader })).status).toBe(204);
    expect((await call('/products/5', { method: 'DELETE' })).status).toBe(401);
  });

  it('refuses POST /products to a reader and lets a writer create (clean)', async () => {
    const body = { name: 'Milk jug', priceCents: 1500 };
    const refused = await call('/products', json('POST', auth.reader, body));
    expectProblem(refused, await refused.json(), 403);
    const created = await call('/products', json('POST', auth.writer, body));
    expect(created.status).toBe(201);
    const product = await created.json();
    expect(matchesSchema('Product', product)).toBe(true);
    expect(created.headers.get('location')).toBe(`/products/${(product as { id: number }).id}`);
  });

  it("gives bob's order to the reader on GET /orders/{id} (planted) but not its invoice (clean)", async () => {
    const order = await call('/orders/1', { headers: auth.reader });
    expect(order.status).toBe(200);
    expect(await order.json()).toMatchObject({ id: 1, owner: 'bob' });
    const invoice = await call('/orders/1/invoice', { headers: auth.reader });
    expectProblem(invoice, await invoice.json(), 404);
    expect((await call('/orders/1/invoice', { headers: auth.writer })).status).toBe(200);
    expect((await call('/orders/1/invoice', { headers: auth.admin })).status).toBe(200);
  });

  it('refuses GET /admin/users to writer and reader and serves it to admin (clean)', async () => {
    expect((await call('/admin/users', { headers: auth.reader })).status).toBe(403);
    expect((await call('/admin/users', { headers: auth.writer })).status).toBe(403);
    const ok = await call('/admin/users', { headers: auth.admin });
    expect(ok.status).toBe(200);
    expect(matchesSchema('UserList', await ok.json())).toBe(true);
  });

  it('lists only the caller’s own orders on GET /orders (clean)', async () => {
    const response = await call('/orders', { headers: auth.reader });
    const body = (await response.json()) as { items: { owner: string }[] };
    expect(matchesSchema('OrderList', body)).toBe(true);
    expect(body.items.map((o) => o.owner)).toEqual(['carol']);
  });
});

describe('insufficient-testing', () => {
  it('crashes POST /orders with a 500 and a stack trace for a negative or missing quantity (planted)', async () => {
    for (const body of [{ productId: 1, quantity: -1 }, { productId: 1 }]) {
      const response = await call('/orders', json('POST', auth.writer, body));
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).toMatch(/RangeError/);
      expect(text).toMatch(/\\n\s+at /);
    }
  });

  it('places a valid order (the planted operation still works on good input)', async () => {
    const response = await call('/orders', json('POST', auth.writer, { productId: 1, quantity: 2 }));
    expect(response.status).toBe(201);
    expect(matchesSchema('Order', await response.json())).toBe(true);
  });

  it('rejects a bad POST /products body with a 400 problem (clean)', async () => {
    for (const body of [{ name: 'x', priceCents: -1 }, { name: '', priceCents: 1 }, { name: 'x', priceCents: '1' }, { name: 'x', priceCents: 1, extra: true }]) {
      const response = await call('/products', json('POST', auth.writer, body));
      expectProblem(response, await response.json(), 400);
    }
    const notJson = await call('/products', { method: 'POST', headers: { ...auth.writer, 'content-type': 'application/json' }, body: '{bad' });
    expectProblem(notJson, await notJson.json(), 400);
    const wrongType = await call('/products', { method: 'POST', headers: { ...auth.writer, 'content-type': 'text/plain' }, body: 'x' });
    expectProblem(wrongType, await wrongType.json(), 415);
  });

  it('accepts a wrong-type or oversize limit on GET /products/search (planted) but not on GET /products (clean)', async () => {
    expect(operation('get', '/products/search').parameters).toContainEqual({ $ref: '#/components/parameters/Limit' });
    for (const limit of ['abc', '-1', '1000']) {
      expect((await call(`/products/search?q=cup&limit=${limit}`, { headers: auth.reader })).status).toBe(200);
      const clean = await call(`/products?limit=${limit}`, { headers: auth.reader });
      expectProblem(clean, await clean.json(), 400);
    }
    expect((await call(`/products/search?q=${'x'.repeat(5000)}`, { headers: auth.reader })).status).toBe(200);
    expect((await call('/products/search', { headers: auth.reader })).status).toBe(200);
    const page = await call('/products?limit=2', { headers: auth.reader });
    const body = (await page.json()) as { items: unknown[] };
    expect(matchesSchema('ProductList', body)).toBe(true);
    expect(body.items).toHaveLength(2);
  });

  it('breaks the User schema on GET /users/{id} (planted) but not on GET /users/me or GET /products/{id} (clean)', async () => {
    const user = await (await call('/users/2', { headers: auth.reader })).json();
    expect(user).toMatchObject({ id: '2', internalNotes: expect.any(String) });
    expect(matchesSchema('User', user)).toBe(false);
    expect(matchesSchema('User', await (await call('/users/me', { headers: auth.reader })).json())).toBe(true);
    expect(matchesSchema('Product', await (await call('/products/1', { headers: auth.reader })).json())).toBe(true);
  });

  it('serialises GET /reports/slow, so ten concurrent requests take at least ten work slots (planted)', async () => {
    const started = performance.now();
    const responses = await Promise.all(Array.from({ length: 10 }, () => call('/reports/slow', { headers: auth.reader })));
    const elapsedMs = performance.now() - started;
    expect(responses.every((r) => r.status === 200)).toBe(true);
    // A lower bound by construction: one 30 ms slot at a time, ten requests.
    expect(elapsedMs).toBeGreaterThanOrEqual(250);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.every((b) => matchesSchema('SalesReport', b))).toBe(true);
  });
});

describe('poor-design-docs', () => {
  it('answers PUT /products/{id} with 202, which the spec does not document (planted)', async () => {
    const response = await call('/products/1', json('PUT', auth.writer, { name: 'Cup', priceCents: 950 }));
    expect(response.status).toBe(202);
    expect(Object.keys(operation('put', '/products/{id}').responses)).not.toContain('202');
  });

  it('answers GET /users/0 with an undocumented 418 (planted)', async () => {
    expect((await call('/users/0', { headers: auth.reader })).status).toBe(418);
    expect(Object.keys(operation('get', '/users/{id}').responses)).not.toContain('418');
  });

  it('leaves GET /reports/slow and GET /loop without summary or description, and GET /coupons 200 without a schema', () => {
    for (const [method, path] of [['get', '/reports/slow'], ['get', '/loop']] as const) {
      expect(operation(method, path)).not.toHaveProperty('summary');
      expect(operation(method, path)).not.toHaveProperty('description');
    }
    expect(operation('get', '/coupons').responses['200']).toEqual({ description: 'Active coupons.', content: { 'application/json': {} } });
  });
});

describe('session-management', () => {
  it('sets a bare sid cookie on POST /login and keeps the session after POST /logout (planted)', async () => {
    const login = await call('/login', json('POST', {}, { username: 'bob', password: 'bob-pass' }));
    expect(login.status).toBe(200);
    const setCookie = login.headers.getSetCookie()[0] ?? '';
    expect(setCookie).toMatch(/^sid=[\w-]+; Path=\/$/);
    for (const attribute of [/HttpOnly/i, /Secure/i, /SameSite/i, /Max-Age/i, /Expires/i]) expect(setCookie).not.toMatch(attribute);
    const cookie = { cookie: setCookie.split(';')[0] ?? '' };
    expect((await call('/session', { headers: cookie })).status).toBe(200);
    expect((await call('/logout', { method: 'POST', headers: cookie })).status).toBe(204);
    const after = await call('/session', { headers: cookie });
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ username: 'bob', expiresAt: null });
  });

  it('sets a hardened __Host-sid cookie on POST /login/secure and ends the session on POST /logout/secure (clean)', async () => {
    const login = await call('/login/secure', json('POST', {}, { username: 'bob', password: 'bob-pass' }));
    expect(login.status).toBe(200);
    const setCookie = login.headers.getSetCookie()[0] ?? '';
    expect(setCookie).toMatch(/^__Host-sid=[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=3600$/);
    const cookie = { cookie: setCookie.split(';')[0] ?? '' };
    const session = await call('/session/secure', { headers: cookie });
    expect(session.status).toBe(200);
    expect(matchesSchema('Session', await session.json())).toBe(true);
    const logout = await call('/logout/secure', { method: 'POST', headers: cookie });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(/^__Host-sid=; .*Max-Age=0$/);
    expect((await call('/session/secure', { headers: cookie })).status).toBe(401);
    expect((await call('/logout/secure', { method: 'POST', headers: cookie })).status).toBe(401);
  });

  it('refuses wrong passwords with a 401 problem', async () => {
    const response = await call('/login/secure', json('POST', {}, { username: 'bob', password: 'nope' }));
    expectProblem(response, await response.json(), 401);
  });
});

describe('expiring-apis', () => {
  it('serves the deprecated GET /v1/products without Deprecation or Sunset (planted)', async () => {
    expect(operation('get', '/v1/products').deprecated).toBe(true);
    const response = await call('/v1/products', { headers: auth.reader });
    expect(response.status).toBe(200);
    expect(response.headers.get('deprecation')).toBeNull();
    expect(response.headers.get('sunset')).toBeNull();
  });

  it('announces the deprecated GET /v1/orders with Deprecation, a future Sunset and a successor link (clean)', async () => {
    expect(operation('get', '/v1/orders')).toMatchObject({ deprecated: true, 'x-sunset': expect.any(String) });
    const response = await call('/v1/orders', { headers: auth.writer });
    expect(response.status).toBe(200);
    expect(response.headers.get('deprecation')).toMatch(/^@\d+$/);
    expect(Date.parse(response.headers.get('sunset') ?? '')).toBeGreaterThan(Date.now());
    expect(response.headers.get('link')).toBe('</orders>; rel="successor-version"');
  });

  it('answers 410 Gone on the documented GET /coupons (planted)', async () => {
    expect((await call('/coupons')).status).toBe(410);
  });
});

describe('bad-urls', () => {
  it('answers 404 on the documented GET /categories (planted)', async () => {
    expect(spec.paths['/categories']?.['get']).toBeDefined();
    const response = await call('/categories');
    expectProblem(response, await response.json(), 404);
  });

  it('redirects GET /docs/latest to a page that does not exist, and GET /loop to itself (planted)', async () => {
    const latest = await call('/docs/latest');
    expect(latest.status).toBe(302);
    expect((await call(latest.headers.get('location') ?? '')).status).toBe(404);
    const loop = await call('/loop');
    expect(loop.status).toBe(302);
    expect(loop.headers.get('location')).toBe('/loop');
  });

  it('redirects GET /docs/current to a page that exists (clean)', async () => {
    const current = await call('/docs/current');
    expect(current.status).toBe(302);
    const page = await call(current.headers.get('location') ?? '');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('complex-endpoints', () => {
  it('answers POST /orders errors as { error } rather than problem+json (planted)', async () => {
    const response = await call('/orders', json('POST', auth.writer, { productId: 999, quantity: 1 }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: 'unknown product' });
  });

  it('answers GET /legacy/getUserById errors in plain text and documents ten query parameters (planted)', async () => {
    const bad = await call('/legacy/getUserById?userId=abc', { headers: auth.reader });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await bad.text()).toBe('ERROR: bad userId');
    expect((await call('/legacy/getUserById?userId=42', { headers: auth.reader })).status).toBe(404);
    expect((await call('/legacy/getUserById?userId=2', { headers: auth.reader })).status).toBe(200);
    expect(operation('get', '/legacy/getUserById').parameters).toHaveLength(10);
  });

  it('answers unknown paths and bad ids elsewhere with problem+json (clean)', async () => {
    const missing = await call('/nowhere');
    expectProblem(missing, await missing.json(), 404);
    const badId = await call('/products/abc', { headers: auth.reader });
    expectProblem(badId, await badId.json(), 400);
    const wrongMethod = await call('/products/1', { method: 'PATCH' });
    expectProblem(wrongMethod, await wrongMethod.json(), 405);
    expect(wrongMethod.headers.get('allow')).toMatch(/DELETE.*GET.*PUT/);
  });
});

describe('public-exposure', () => {
  it('sends version banners on every response (planted)', async () => {
    for (const path of ['/healthz', '/products', '/nowhere']) {
      const response = await call(path);
      expect(response.headers.get('server')).toBe('nginx/1.18.0');
      expect(response.headers.get('x-powered-by')).toBe('Express/4.17.1');
    }
  });

  it('reflects any Origin with credentials on GET /profile (planted)', async () => {
    const origin = 'https://evil.example';
    const response = await call('/profile', { headers: { ...auth.reader, origin } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const preflight = await call('/profile', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('sends no CORS grant to unknown origins elsewhere, and only the fixed allow-list without credentials (clean)', async () => {
    const evil = await call('/products', { headers: { ...auth.reader, origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await call('/orders', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const trusted = await call('/products', { headers: { ...auth.reader, origin: 'https://shop.example' } });
    expect(trusted.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(trusted.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('serves /.env and /debug/vars, neither of them documented (planted)', async () => {
    const env = await call('/.env');
    expect(env.status).toBe(200);
    expect(await env.text()).toMatch(/^DB_PASSWORD=/m);
    expect((await call('/debug/vars')).status).toBe(200);
    expect(spec.paths['/.env']).toBeUndefined();
    expect(spec.paths['/debug/vars']).toBeUndefined();
  });

  it('never rate-limits POST /login (planted) but answers 429 after five attempts on POST /login/secure (clean)', async () => {
    const guess = json('POST', {}, { username: 'bob', password: 'wrong' });
    const plain = await Promise.all(Array.from({ length: 12 }, () => call('/login', guess)));
    expect(plain.map((r) => r.status)).toEqual(Array(12).fill(401));
    const secure: Response[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) secure.push(await call('/login/secure', guess));
    expect(secure.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = secure[5]!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expectProblem(limited, await limited.json(), 429);
    expect((await call('/login/secure', json('POST', {}, { username: 'bob', password: 'bob-pass' }))).status).toBe(429);
  });
});

describe('monitoring-logging', () => {
  it('echoes neither X-Request-Id nor traceparent (planted) but serves the documented GET /healthz (clean)', async () => {
    const response = await call('/healthz', {
      headers: { 'x-request-id': 'abc-123', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toBeNull();
    expect(response.headers.get('traceparent')).toBeNull();
    expect(operation('get', '/healthz').security).toEqual([]);
  });
});

describe('dependency-failures', () => {
  type Mode = 'fail' | 'hang';
  let inventory: { url: string; requests: number; firstRequest: Promise<void>; close(): Promise<void> } | null = null;

  async function startBrokenInventory(mode: Mode): Promise<NonNullable<typeof inventory>> {
    let seen: () => void = () => undefined;
    const firstRequest = new Promise<void>((resolve) => {
      seen = resolve;
    });
    const state = { requests: 0 };
    const server = createServer((_request, response) => {
      state.requests += 1;
      seen();
      if (mode === 'fail') {
        response.statusCode = 500;
        response.end('{"error":"boom"}');
      }
      // 'hang': never answer.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      get requests() {
        return state.requests;
      },
      firstRequest,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  }

  async function restartWith(mode: Mode): Promise<NonNullable<typeof inventory>> {
    await demo.close();
    inventory = await startBrokenInventory(mode);
    demo = await startDemoApi({ port: 0, inventoryUrl: inventory.url });
    return inventory;
  }

  afterEach(async () => {
    await demo.close();
    await inventory?.close();
    inventory = null;
  });

  it('calls the inventory through inventoryUrl when one is given', async () => {
    const broken = await restartWith('fail');
    expect(demo.inventoryUrl).toBe(broken.url);
    await call('/products/1/availability', { headers: auth.reader });
    expect(broken.requests).toBe(1);
  });

  it('turns a failing inventory into a 500 on GET /products/{id}/stock (planted) and a 503 with Retry-After on availability (clean)', async () => {
    await restartWith('fail');
    expect((await call('/products/1/stock', { headers: auth.reader })).status).toBe(500);
    const availability = await call('/products/1/availability', { headers: auth.reader });
    expectProblem(availability, await availability.json(), 503);
    expect(availability.headers.get('retry-after')).toBe('5');
  });

  it('gives up on a hanging inventory with a 503 on availability (clean)', async () => {
    await restartWith('hang');
    const availability = await call('/products/1/availability', { headers: auth.reader });
    expectProblem(availability, await availability.json(), 503);
    expect(availability.headers.get('retry-after')).toBe('5');
  });

  it('hangs GET /products/{id}/stock while the inventory hangs, until the shop closes (planted)', async () => {
    const broken = await restartWith('hang');
    const outcome = call('/products/1/stock', { headers: auth.reader }).then(
      (response) => response.status,
      () => 'connection closed',
    );
    await broken.firstRequest;
    const early = await Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300))]);
    expect(early).toBe('still waiting');
    await demo.close();
    expect([500, 'connection closed']).toContain(await outcome);
  });

  it('serves stock and availability from a healthy inventory', async () => {
    const stock = await call('/products/1/stock', { headers: auth.reader });
    expect(matchesSchema('StockLevel', await stock.json())).toBe(true);
    const availability = await call('/products/1/availability', { headers: auth.reader });
    expect(await availability.json()).toEqual({ productId: 1, available: 12, inStock: true });
  });
});
