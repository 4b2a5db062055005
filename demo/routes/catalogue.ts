import type { FastifyInstance } from 'fastify';
import { authorize } from '../auth.js';
import type { ShopContext } from '../context.js';
import { describeIssues, int32Max, parseInteger, productInput } from '../input.js';
import { sendProblem } from '../problem.js';
import { seededProductIds } from '../store.js';
import type { Product } from '../store.js';

interface IdParams {
  readonly id: string;
}

interface ListQuery {
  readonly limit?: unknown;
  readonly q?: unknown;
}

const defaultLimit = 20;
const availabilityTimeoutMs = 1000;
const retryAfterSeconds = 5;

export function registerCatalogueRoutes(app: FastifyInstance, { store, inventory }: ShopContext): void {
  function listProducts(limit: number): { items: Product[] } {
    return { items: [...store.products.values()].slice(0, limit) };
  }

  // Clean: `limit` is validated against the spec (integer 1..100) and rejected with 400 otherwise.
  app.get<{ Querystring: ListQuery }>('/products', async function listCatalogue(request, reply) {
    if ((await authorize(request, reply, 'read')) === null) return reply;
    const raw = request.query.limit;
    const limit = raw === undefined ? defaultLimit : parseInteger(raw, 1, 100);
    if (limit === null) return sendProblem(reply, 400, 'limit must be an integer from 1 to 100.');
    return listProducts(limit);
  });

  // PLANTED (insufficient-testing): the same `limit` is never validated; `abc`, `-1` and `1000`
  // all answer 200, and so does an oversize or missing `q`.
  app.get<{ Querystring: ListQuery }>('/products/search', async function searchCatalogue(request, reply) {
    if ((await authorize(request, reply, 'read')) === null) return reply;
    const q = String(request.query.q ?? '').toLowerCase();
    const limit = Number(request.query.limit ?? defaultLimit);
    const hits = [...store.products.values()].filter((p) => p.name.toLowerCase().includes(q));
    return { items: Number.isFinite(limit) && limit > 0 ? hits.slice(0, limit) : hits };
  });

  // Clean: validates the body, checks the `write` scope, answers 201 with a Location.
  app.post('/products', async function createProduct(request, reply) {
    const caller = await authorize(request, reply, 'write');
    if (caller === null) return reply;
    const parsed = productInput.safeParse(request.body);
    if (!parsed.success) return sendProblem(reply, 400, describeIssues(parsed.error));
    const product = store.addProduct(parsed.data);
    return reply.code(201).header('Location', `/products/${product.id}`).send(product);
  });

  app.get<{ Params: IdParams }>('/products/:id', async function getProduct(request, reply) {
    if ((await authorize(request, reply, 'read')) === null) return reply;
    const id = parseInteger(request.params.id, 1, int32Max);
    if (id === null) return sendProblem(reply, 400, 'id must be a positive integer.');
    const product = store.products.get(id);
    if (product === undefined) return sendProblem(reply, 404, `Product ${id} does not exist.`);
    return product;
  });

  // PLANTED (poor-design-docs): the spec documents 200 with the updated product; the API answers
  // an undocumented 202 and never applies the change.
  app.put<{ Params: IdParams }>('/products/:id', async function updateProduct(request, reply) {
    const caller = await authorize(request, reply, 'write');
    if (caller === null) return reply;
    const id = parseInteger(request.params.id, 1, int32Max);
    if (id === null) return sendProblem(reply, 400, 'id must be a positive integer.');
    if (!store.products.has(id)) return sendProblem(reply, 404, `Product ${id} does not exist.`);
    const parsed = productInput.safeParse(request.body);
    if (!parsed.success) return sendProblem(reply, 400, describeIssues(parsed.error));
    return reply.code(202).send({ status: 'queued' });
  });

  // PLANTED (permissions): the spec requires the `admin` scope; the API only checks that the token
  // is valid, so a reader can delete. Seeded products survive so that later probes still work.
  app.delete<{ Params: IdParams }>('/products/:id', async function deleteProduct(request, reply) {
    const caller = await authorize(request, reply, null);
    if (caller === null) return reply;
    const id = parseInteger(request.params.id, 1, int32Max);
    if (id === null) return sendProblem(reply, 400, 'id must be a positive integer.');
    if (!seededProductIds.has(id)) store.products.delete(id);
    return reply.code(204).send();
  });

  // PLANTED (dependency-failures): no timeout, no fallback. A failing inventory becomes a 500 and a
  // hanging one hangs this request too (until the shop closes).
  app.get<{ Params: IdParams }>('/products/:id/stock', async function getStock(request, reply) {
    if ((await authorize(request, reply, 'read')) === null) return reply;
    const id = parseInteger(request.params.id, 1, int32Max);
    if (id === null) return sendProblem(reply, 400, 'id must be a positive integer.');
    if (!store.products.has(id)) return sendProblem(reply, 404, `Product ${id} does not exist.`);
    return inventory.stock(id);
  });

  // Clean: a 1 s budget, then 503 with Retry-After and a problem body.
  app.get<{ Params: IdParams }>('/products/:id/availability', async function getAvailability(request, reply) {
    if ((await authorize(request, reply, 'read')) === null) return reply;
    const id = parseInteger(request.params.id, 1, int32Max);
    if (id === null) return sendProblem(reply, 400, 'id must be a positive integer.');
    if (!store.products.has(id)) return sendProblem(reply, 404, `Product ${id} does not exist.`);
    try {
      const level = await inventory.stock(id, availabilityTimeoutMs);
      return { productId: id, available: level.available, inStock: level.available > 0 };
    } catch {
      reply.header('Retry-After', String(retryAfterSeconds));
      return sendProblem(reply, 503, 'Stock levels are unavailable right now; try again shortly.');
    }
  });

  // PLANTED (expiring-apis): deprecated in the spec, but no Deprecation or Sunset header tells clients.
  app.get('/v1/products', async function listCatalogueV1(request, reply) {
    if ((await authorize(request, reply, 'read')) === null) return reply;
    return listProducts(defaultLimit);
  });

  // PLANTED (expiring-apis): still documented, already removed.
  // Removed for everyone, so even anonymous callers learn it is gone rather than that they need a token.
  app.get('/coupons', async function listCoupons(_request, reply) {
    return sendProblem(reply, 410, 'Coupons were removed; use promotions in the checkout instead.');
  });

  // PLANTED (bad-urls): `GET /categories` is documented but has no route, so it answers 404.
}
