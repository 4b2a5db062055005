import type { FastifyInstance } from 'fastify';
import { authorize } from '../auth.js';
import type { ShopContext } from '../context.js';
import { int32Max, parseInteger } from '../input.js';
import { sendProblem } from '../problem.js';
import type { User } from '../store.js';

interface IdParams {
  readonly id: string;
}

/** The documented `User` schema: exactly these fields. */
function publicUser(user: User): { id: number; username: string; displayName: string } {
  return { id: user.id, username: user.username, displayName: user.displayName };
}

export function registerUserRoutes(app: FastifyInstance, { store }: ShopContext): void {
  // PLANTED (unsecured-endpoints): the only operation that accepts unsigned `alg: none` tokens.
  app.get('/users/me', async function getMe(request, reply) {
    const caller = await authorize(request, reply, 'read', { allowUnsigned: true });
    if (caller === null) return reply;
    const user = store.userByName(caller.subject);
    if (user === undefined) return sendProblem(reply, 404, 'The token names no known user.');
    return publicUser(user);
  });

  // PLANTED (insufficient-testing + poor-design-docs): `id` leaves as a string where the spec says
  // integer, `internalNotes` is not in the schema (which forbids extra fields), and id 0 answers an
  // undocumented 418.
  app.get<{ Params: IdParams }>('/users/:id', async function getUser(request, reply) {
    const caller = await authorize(request, reply, 'read');
    if (caller === null) return reply;
    if (request.params.id === '0') return reply.code(418).send({ message: "I'm a teapot" });
    const id = parseInteger(request.params.id, 1, int32Max);
    if (id === null) return sendProblem(reply, 400, 'id must be a positive integer.');
    const user = store.userById(id);
    if (user === undefined) return sendProblem(reply, 404, `User ${id} does not exist.`);
    return { ...publicUser(user), id: String(user.id), internalNotes: user.internalNotes };
  });

  // PLANTED (public-exposure): the CORS hook reflects any Origin here, with credentials allowed.
  app.get('/profile', async function getProfile(request, reply) {
    const caller = await authorize(request, reply, null);
    if (caller === null) return reply;
    const user = store.userByName(caller.subject);
    if (user === undefined) return sendProblem(reply, 404, 'The token names no known user.');
    return { username: user.username, displayName: user.displayName, email: user.email };
  });

  // PLANTED (unsecured-endpoints): documented as needing the `admin` scope; checks nothing.
  app.get('/admin/stats', async function getStats() {
    return { users: store.users.length, products: store.products.size, orders: store.orders.size };
  });

  // Clean twin: 401 without a token, 403 without the `admin` scope.
  app.get('/admin/users', async function listUsers(request, reply) {
    const caller = await authorize(request, reply, 'admin');
    if (caller === null) return reply;
    return { items: store.users.map(publicUser) };
  });

  // PLANTED (complex-endpoints): an RPC-style verb path whose errors are plain text.
  app.get<{ Querystring: { userId?: unknown } }>('/legacy/getUserById', async function legacyGetUser(request, reply) {
    const caller = await authorize(request, reply, 'read');
    if (caller === null) return reply;
    const id = parseInteger(request.query.userId, 1, int32Max);
    if (id === null) return reply.code(400).type('text/plain; charset=utf-8').send('ERROR: bad userId');
    const user = store.userById(id);
    if (user === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('ERROR: no such user');
    return publicUser(user);
  });
}
