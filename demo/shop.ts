import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { ShopContext } from './context.js';
import { InventoryClient, startInventory } from './inventory.js';
import { MethodTable } from './method-table.js';
import type { InventoryService } from './inventory.js';
import { notFoundHandler, problemErrorHandler } from './problem.js';
import { FixedWindowLimiter } from './rate-limit.js';
import { registerCatalogueRoutes } from './routes/catalogue.js';
import { registerOrderRoutes } from './routes/orders.js';
import { registerSessionRoutes } from './routes/session.js';
import { registerSiteRoutes } from './routes/site.js';
import { registerUserRoutes } from './routes/users.js';
import { SlowQueue } from './slow-queue.js';
import { ShopStore } from './store.js';

export interface DemoApiOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Where the shop finds its inventory. When absent the shop starts its own on 127.0.0.1. */
  readonly inventoryUrl?: string;
}

export interface DemoApi {
  readonly url: string;
  readonly inventoryUrl: string;
  close(): Promise<void>;
}

/** Origins the clean routes trust for CORS (no credentials). */
export const allowedOrigins: ReadonlySet<string> = new Set(['https://shop.example']);
const slowReportWorkMs = 30;
const loginAttemptsPerMinute = 5;

/** The path of the demo's OpenAPI document, both from `demo/` sources and from `dist/demo/`. */
export function demoSpecPath(): string {
  const beside = fileURLToPath(new URL('./openapi.yaml', import.meta.url));
  return existsSync(beside) ? beside : fileURLToPath(new URL('../../demo/openapi.yaml', import.meta.url));
}

function applyCors(request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return;
  const path = request.url.split('?')[0];
  reply.header('Vary', 'Origin');
  if (path === '/profile') {
    // PLANTED (public-exposure): any origin is reflected and may send credentials.
    reply.header('Access-Control-Allow-Origin', origin).header('Access-Control-Allow-Credentials', 'true');
  } else if (allowedOrigins.has(origin)) {
    reply.header('Access-Control-Allow-Origin', origin);
  }
}

function buildApp(context: ShopContext): FastifyInstance {
  // forceCloseConnections: close() must not wait on a client that keeps a request open.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  // Only JSON bodies are documented, so anything else must meet 415 rather than a lenient parser.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(problemErrorHandler);
  const methods = new MethodTable();
  app.addHook('onRoute', function rememberMethods(route) {
    methods.add(route.url, route.method);
  });
  app.setNotFoundHandler(notFoundHandler((path) => methods.allowed(path)));
  app.addHook('onRequest', async function cors(request, reply) {
    applyCors(request, reply);
  });
  app.addHook('onSend', async function headers(request, reply) {
    // PLANTED (public-exposure): version banners on every response.
    reply.header('Server', 'nginx/1.18.0').header('X-Powered-By', 'Express/4.17.1');
    reply.header('X-Content-Type-Options', 'nosniff');
    if ((request.headers.authorization !== undefined || request.headers.cookie !== undefined) && !reply.hasHeader('Cache-Control')) {
      reply.header('Cache-Control', 'no-store');
    }
    // PLANTED (monitoring-logging): no X-Request-Id or traceparent is ever echoed.
  });
  registerSiteRoutes(app, context);
  registerCatalogueRoutes(app, context);
  registerOrderRoutes(app, context);
  registerUserRoutes(app, context);
  registerSessionRoutes(app, context);
  return app;
}

/**
 * Starts the demo shop (and, unless `inventoryUrl` is given, its inventory) on 127.0.0.1.
 * Every planted fault is listed in `demo/faults.ts`.
 *
 * @example
 * const demo = await startDemoApi({ port: 0 });
 * const response = await fetch(`${demo.url}/products`);
 * await demo.close();
 */
export async function startDemoApi(options: DemoApiOptions = {}): Promise<DemoApi> {
  const ownInventory: InventoryService | null = options.inventoryUrl === undefined ? await startInventory() : null;
  const inventoryUrl = (options.inventoryUrl ?? ownInventory?.url ?? '').replace(/\/+$/, '');
  const context: ShopContext = {
    store: new ShopStore(),
    inventory: new InventoryClient(inventoryUrl),
    slowQueue: new SlowQueue(slowReportWorkMs),
    loginLimiter: new FixedWindowLimiter(loginAttemptsPerMinute, 60_000),
  };
  const app = buildApp(context);
  try {
    await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  } catch (error) {
    await ownInventory?.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    inventoryUrl,
    close() {
      closing ??= (async function closeShop() {
        context.slowQueue.close();
        context.inventory.abortAll();
        await app.close();
        await ownInventory?.close();
      })();
      return closing;
    },
  };
}
