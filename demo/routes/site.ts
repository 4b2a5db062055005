import type { FastifyInstance } from 'fastify';
import { authorize } from '../auth.js';
import type { ShopContext } from '../context.js';
import { roleGrants, signDemoToken } from '../tokens.js';

export function registerSiteRoutes(app: FastifyInstance, { store, slowQueue }: ShopContext): void {
  // Clean: the documented health endpoint.
  app.get('/healthz', async function health() {
    return { status: 'ok' };
  });

  // Clean: a redirect to a page that exists.
  app.get('/docs/current', async function currentDocs(_request, reply) {
    return reply.redirect('/docs/v2', 302);
  });

  app.get('/docs/v2', async function docsPage(_request, reply) {
    return reply.type('text/html; charset=utf-8').send('<!doctype html><title>Shop API v2</title><h1>Shop API v2</h1><p>See openapi.yaml.</p>');
  });

  // PLANTED (bad-urls): a redirect to a page that was never published, and one that points at itself.
  app.get('/docs/latest', async function latestDocs(_request, reply) {
    return reply.redirect('/docs/v9', 302);
  });

  app.get('/loop', async function loop(_request, reply) {
    return reply.redirect('/loop', 302);
  });

  // PLANTED (insufficient-testing): every request waits for the single slot, so latency climbs with
  // concurrency while `GET /products` stays flat.
  app.get('/reports/slow', async function slowReport(request, reply) {
    if ((await authorize(request, reply, 'read')) === null) return reply;
    const ahead = await slowQueue.run();
    const orders = [...store.orders.values()];
    return {
      totalOrders: orders.length,
      revenueCents: orders.reduce((sum, order) => sum + order.totalCents, 0),
      queuedBehind: ahead,
    };
  });

  // PLANTED (public-exposure): a leftover dotenv file and a debug endpoint, both undocumented.
  app.get('/.env', async function dotenv(_request, reply) {
    return reply
      .type('text/plain; charset=utf-8')
      .send('NODE_ENV=production\nDB_HOST=127.0.0.1\nDB_USER=shop\nDB_PASSWORD=hunter2-not-a-real-password\nJWT_SECRET=secret\n');
  });

  app.get('/debug/vars', async function debugVars() {
    return { cmdline: ['node', 'shop.js'], memstats: process.memoryUsage(), sessions: store.sessions.size };
  });

  // Preflight answers; the CORS headers themselves are set by the shop-wide onRequest hook.
  app.options('*', async function preflight(request, reply) {
    if (typeof request.headers['access-control-request-method'] === 'string' && reply.hasHeader('Access-Control-Allow-Origin')) {
      reply.header('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE').header('Access-Control-Allow-Headers', 'Authorization, Content-Type').header('Access-Control-Max-Age', '600');
    }
    return reply.code(204).send();
  });

  // The oauth2 scheme's tokenUrl: client credentials are a seeded username and password.
  app.register(async function tokenEndpoint(scope) {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.post('/oauth/token', async function issueToken(request, reply) {
      const form = (request.body ?? {}) as Record<string, string | undefined>;
      reply.header('Cache-Control', 'no-store');
      if (form['grant_type'] !== 'client_credentials') return reply.code(400).send({ error: 'unsupported_grant_type' });
      const user = form['client_id'] === undefined ? undefined : store.userByName(form['client_id']);
      const grant = roleGrants.find((g) => g.subject === user?.username);
      if (user === undefined || grant === undefined || user.password !== form['client_secret']) {
        return reply.code(401).header('WWW-Authenticate', 'Basic realm="shop"').send({ error: 'invalid_client' });
      }
      const accessToken = await signDemoToken({ subject: grant.subject, scopes: grant.scopes, expiresInSeconds: grant.lifetimeSeconds });
      return { access_token: accessToken, token_type: 'Bearer', expires_in: grant.lifetimeSeconds, scope: grant.scopes.join(' ') };
    });
  });
}
