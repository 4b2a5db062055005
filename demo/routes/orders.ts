import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../auth.js';
import type { ShopContext } from '../context.js';
import { int32Max, parseInteger } from '../input.js';
import { sendProblem } from '../problem.js';
import type { Order, Product } from '../store.js';

interface IdParams {
  readonly id: string;
}

/** RFC 9745 `@<epoch seconds>` form: 2025-01-01T00:00:00Z. */
export const v1OrdersDeprecation = '@1735689600';
export const v1OrdersSunset = 'Wed, 31 Dec 2031 23:59:59 GMT';

/**
 * PLANTED (insufficient-testing): nothing validates `quantity`, so a missing, zero or negative value
 * reaches the pricing code and throws.
 */
function priceOrder(product: Product, quantity: unknown): number {
  if (typeof quantity !== 'number' || quantity < 1) {
    throw new RangeError(`cannot reserve ${String(quantity)} units of product ${product.id}`);
  }
  return product.priceCents * quantity;
}

/**
 * PLANTED (insufficient-testing + complex-endpoints): errors of `POST /orders` leave in an ad-hoc
 * `{ error }` shape, and a crash ships its stack trace to the client.
 */
function legacyOrderErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (typeof error.statusCode === 'number' && error.statusCode < 500) {
    return reply.code(error.statusCode).send({ error: error.message });
  }
  return reply.code(500).send({ error: String(error.message), stack: error.stack ?? '' });
}

export function registerOrderRoutes(app: FastifyInstance, { store }: ShopContext): void {
  function ownOrders(username: string): { items: Order[] } {
    return { items: [...store.orders.values()].filter((order) => order.owner === username) };
  }

  // Clean: 401 without or with a bad token; only the caller's own orders.
  app.get('/orders', async function listOrders(request, reply) {
    const caller = await authorize(request, reply, 'read');
    if (caller === null) return reply;
    return ownOrders(caller.subject);
  });

  app.post('/orders', { errorHandler: legacyOrderErrors }, async function placeOrder(request, reply) {
    const caller = await authorize(request, reply, 'write');
    if (caller === null) return reply;
    const body = (request.body ?? {}) as { productId?: unknown; quantity?: unknown };
    if (typeof body.productId !== 'number') return reply.code(400).send({ error: 'productId is required' });
    const product = store.products.get(body.productId);
    if (product === undefined) return reply.code(400).send({ error: 'unknown product' });
    const totalCents = priceOrder(product, body.quantity);
    const order = store.addOrder({ productId: product.id, quantity: body.quantity as number, totalCents, owner: caller.subject, status: 'placed' });
    return reply.code(201).header('Location', `/orders/${order.id}`).send(order);
  });

  // PLANTED (unsecured-endpoints + permissions): accepts expired tokens, and returns any user's order
  // to any caller with `read` (no ownership check).
  app.get<{ Params: IdParams }>('/orders/:id', async function getOrder(request, reply) {
    const caller = await authorize(request, reply, 'read', { allowExpired: true });
    if (caller === null) return reply;
    const id = parseInteger(request.params.id, 1, int32Max);
    if (id === null) return sendProblem(reply, 400, 'id must be a positive integer.');
    const order = store.orders.get(id);
    if (order === undefined) return sendProblem(reply, 404, `Order ${id} does not exist.`);
    return order;
  });

  // Clean twin: checks ownership and answers 404 (not 403) so other users' order ids do not leak.
  app.get<{ Params: IdParams }>('/orders/:id/invoice', async function getInvoice(request, reply) {
    const caller = await authorize(request, reply, 'read');
    if (caller === null) return reply;
    const id = parseInteger(request.params.id, 1, int32Max);
    if (id === null) return sendProblem(reply, 400, 'id must be a positive integer.');
    const order = store.orders.get(id);
    const isVisible = order !== undefined && (order.owner === caller.subject || caller.scopes.includes('admin'));
    if (!isVisible) return sendProblem(reply, 404, `Order ${id} does not exist.`);
    return { orderId: order.id, issuedTo: order.owner, totalCents: order.totalCents, currency: 'EUR' };
  });

  // Clean deprecation: RFC 9745 Deprecation, RFC 8594 Sunset, and a link to the successor.
  app.get('/v1/orders', async function listOrdersV1(request, reply) {
    reply.header('Deprecation', v1OrdersDeprecation).header('Sunset', v1OrdersSunset).header('Link', '</orders>; rel="successor-version"');
    const caller = await authorize(request, reply, 'read');
    if (caller === null) return reply;
    return ownOrders(caller.subject);
  });
}
