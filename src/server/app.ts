import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { monitorSchema } from '../config/schema.js';
import type { MonitorMetrics } from '../monitor/metrics.js';
import { MaintenanceCalendar } from '../monitor/maintenance.js';
import type { MonitorService } from '../monitor/monitor-service.js';
import { latestMatrix } from '../monitor/permission-changes.js';
import type { Store } from '../store/types.js';
import { LoginLimiter, guard, isSecureRequest, sessionCookieHeader } from './auth.js';
import { hashPassword, randomToken, sha256, verifyPassword } from './passwords.js';
import { monitorPage, monitorSummary, rangeSeries, ranges } from './monitor-views.js';
import type { RangeName } from './monitor-views.js';
import { HttpProblem, parse, problem } from './problem.js';
import { registerChannelRoutes } from './channels.js';
import { loadStoredWindows, registerMaintenanceRoutes } from './maintenance-routes.js';
import { publicStatus, statusHtml } from './status-page.js';
import { withDayCountCache } from './day-count-cache.js';

export interface ServerOptions {
  readonly store: Store;
  readonly service?: MonitorService;
  readonly metrics?: MonitorMetrics;
  /** Session lifetime. Default 12 h. */
  readonly sessionTtlMs?: number;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-Proto for the Secure flag. */
  readonly trustProxy?: boolean;
  /** Static dashboard files (index.html, app.js), served at /; the status page's (status.html, status.js) and the uptime bar both use. */
  readonly dashboard?: { readonly html: string; readonly script: string; readonly statusHtml?: string; readonly statusScript?: string; readonly barScript?: string };
  /** Maintenance windows, for the state the dashboard and the status page show. */
  readonly maintenance?: MaintenanceCalendar;
  /** The public status page: where and under which title. Default /status, 'Service status'. */
  readonly statusPage?: { readonly path: string; readonly title: string };
}

const loginBody = z.strictObject({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) });
const userBody = z.strictObject({ username: z.string().regex(/^[\w.-]{1,64}$/), password: z.string().min(12).max(1000), role: z.enum(['admin', 'viewer']) });
const tokenBody = z.strictObject({ name: z.string().min(1).max(100) });
const idParam = z.object({ id: z.coerce.number().int().positive() });

/**
 * The `serve` HTTP app: health, metrics, a JSON API behind sign-in, and the dashboard. It does what
 * faultline's checks ask of others: RFC 9457 errors, request ids, rate-limited sign-in, hardened
 * cookies, CSRF tokens, no version banner, security headers.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const ttl = options.sessionTtlMs ?? 12 * 3_600_000;
  const limiter = new LoginLimiter();
  const statusPage = options.statusPage ?? { path: '/status', title: 'Service status' };
  const views = withDayCountCache(store);
  const calendar = options.maintenance ?? new MaintenanceCalendar([]);
  await loadStoredWindows(store, calendar);
  const app = Fastify({
    logger: false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 256 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler(async (error, request, reply) => {
    const status = error instanceof HttpProblem ? error.status : typeof (error as { statusCode?: number }).statusCode === 'number' ? ((error as { statusCode: number }).statusCode) : 500;
    // A query that failed because the database is gone is an outage, not a bug: 503 says so and when to
    // come back, and the dashboard shows it instead of going quiet.
    if (status === 500 && !(await store.ping().catch(() => false))) {
      request.log.error({ err: error }, 'database unavailable');
      return reply
        .code(503)
        .header('retry-after', '5')
        .type('application/problem+json')
        .send(problem(503, 'the database is unavailable: monitoring goes on and results wait in memory until it is back', request.id));
    }
    if (error instanceof HttpProblem) for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    // 5xx details stay in the log; the client gets the request id to quote.
    const detail = status >= 500 ? 'the server failed; quote the request id' : error instanceof Error ? error.message : String(error);
    return reply.code(status).type('application/problem+json').send(problem(status, detail, request.id));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).type('application/problem+json').send(problem(404, `no route ${request.method} ${request.url.split('?')[0]}`, request.id));
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const database = await store.ping();
    const storeStatus = options.service?.storeStatus ?? { healthy: true, pendingResults: 0 };
    const ready = database && storeStatus.healthy;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'degraded', database, ...storeStatus });
  });
  app.get('/metrics', async (_request, reply) => {
    if (!options.metrics) return reply.code(404).send();
    return reply.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });

  if (options.dashboard) {
    const { html, script } = options.dashboard;
    app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
    app.get('/app.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(script));
    const { statusHtml: statusTemplate, statusScript, barScript } = options.dashboard;
    if (barScript) app.get('/uptime-bar.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(barScript));
    if (statusTemplate && statusScript) {
      const page = statusHtml(statusTemplate, statusPage.title);
      app.get(statusPage.path, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
      app.get('/status.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(statusScript));
    }
  }
  // No sign-in: the status page's data, public monitors only and nothing internal (see status-page.ts).
  app.get('/api/public/status', async () => publicStatus(views, statusPage.title, Date.now(), calendar));

  // --- sign-in
  app.post('/api/login', async (request, reply) => {
    const body = parse(loginBody, request.body);
    const key = `${request.ip}|${body.username.toLowerCase()}`;
    const now = Date.now();
    const wait = limiter.retryAfterSeconds(key, now);
    if (wait > 0) throw new HttpProblem(429, 'Too Many Requests', 'too many failed sign-ins; wait before trying again', { 'retry-after': String(wait) });
    const user = await store.getUserByName(body.username);
    // Verify against a dummy hash for unknown users so timing does not reveal which names exist.
    const ok = user ? await verifyPassword(body.password, user.passwordHash) : (await verifyPassword(body.password, dummyHash), false);
    if (!user || !ok) {
      limiter.fail(key, now);
      throw new HttpProblem(401, 'Unauthorized', 'wrong username or password');
    }
    limiter.succeed(key);
    const id = randomToken();
    const csrfToken = randomToken();
    await store.createSession({ idHash: sha256(id), userId: user.id, csrfToken, createdAt: now, expiresAt: now + ttl });
    await store.deleteExpiredSessions(now);
    reply.header('set-cookie', sessionCookieHeader(id, Math.floor(ttl / 1000), isSecureRequest(request)));
    return { username: user.username, role: user.role, csrfToken, expiresAt: now + ttl };
  });

  app.post('/api/logout', { preHandler: guard(store, 'viewer') }, async (request, reply) => {
    if (request.principal?.sessionHash) await store.deleteSession(request.principal.sessionHash);
    reply.header('set-cookie', sessionCookieHeader('', 0, isSecureRequest(request)));
    return reply.code(204).send();
  });

  app.get('/api/me', { preHandler: guard(store, 'viewer') }, async (request) => ({
    username: request.principal?.user.username,
    role: request.principal?.user.role,
    csrfToken: request.principal?.csrfToken ?? null,
    // The dashboard shows when the session ends (API tokens do not expire).
    expiresAt: request.principal?.expiresAt ?? null,
  }));

  // --- users and API tokens (admin)
  app.post('/api/users', { preHandler: guard(store, 'admin') }, async (request, reply) => {
    const body = parse(userBody, request.body);
    if (await store.getUserByName(body.username)) throw new HttpProblem(409, 'Conflict', `user ${body.username} exists`);
    const user = await store.createUser({ username: body.username, passwordHash: await hashPassword(body.password), role: body.role, createdAt: Date.now() });
    return reply.code(201).send({ id: user.id, username: user.username, role: user.role });
  });
  app.post('/api/tokens', { preHandler: guard(store, 'admin') }, async (request, reply) => {
    const body = parse(tokenBody, request.body);
    const token = `fl_${randomToken()}`;
    const record = await store.createApiToken({ userId: request.principal?.user.id ?? 0, name: body.name, tokenHash: sha256(token), createdAt: Date.now() });
    // Shown once; only its hash is kept.
    return reply.code(201).send({ id: record.id, name: record.name, token });
  });

  // --- monitors
  app.get('/api/monitors', { preHandler: guard(store, 'viewer') }, async () => {
    const now = Date.now();
    const monitors = await store.listMonitors();
    return Promise.all(monitors.map((m) => monitorSummary(views, m, now, calendar)));
  });
  app.post('/api/monitors', { preHandler: guard(store, 'admin') }, async (request, reply) => {
    const definition = parse(monitorSchema, stripCsrf(request.body));
    if (await store.getMonitorByName(definition.name)) throw new HttpProblem(409, 'Conflict', `monitor ${definition.name} exists`);
    const record = await store.upsertMonitor({ name: definition.name, definition, source: 'api', enabled: definition.enabled });
    await options.service?.sync();
    return reply.code(201).send(await monitorSummary(views, record, Date.now(), calendar));
  });
  app.put('/api/monitors/:id', { preHandler: guard(store, 'admin') }, async (request) => {
    const { id } = parse(idParam, request.params);
    const definition = parse(monitorSchema, stripCsrf(request.body));
    const existing = await store.getMonitor(id);
    if (!existing) throw new HttpProblem(404, 'Not Found', `no monitor ${id}`);
    const other = await store.getMonitorByName(definition.name);
    if (other && other.id !== id) throw new HttpProblem(409, 'Conflict', `monitor ${definition.name} exists`);
    const record = await store.updateMonitor(id, { name: definition.name, definition, enabled: definition.enabled });
    await options.service?.sync();
    return monitorSummary(views, record ?? existing, Date.now(), calendar);
  });
  app.delete('/api/monitors/:id', { preHandler: guard(store, 'admin') }, async (request, reply) => {
    const { id } = parse(idParam, request.params);
    if (!(await store.deleteMonitor(id))) throw new HttpProblem(404, 'Not Found', `no monitor ${id}`);
    await options.service?.sync();
    return reply.code(204).send();
  });
  app.get('/api/monitors/:id/results', { preHandler: guard(store, 'viewer') }, async (request) => {
    const { id } = parse(idParam, request.params);
    const query = parse(z.object({ since: z.coerce.number().int().nonnegative().optional(), limit: z.coerce.number().int().min(1).max(5000).default(500) }), request.query);
    return store.listResults({ monitorId: id, limit: query.limit, ...(query.since !== undefined ? { since: query.since } : {}) });
  });

  app.get('/api/monitors/:id', { preHandler: guard(store, 'viewer') }, async (request) => {
    const { id } = parse(idParam, request.params);
    const monitor = await store.getMonitor(id);
    if (!monitor) throw new HttpProblem(404, 'Not Found', `no monitor ${id}`);
    return monitorPage(views, monitor, Date.now(), calendar);
  });
  const rangeQuery = z.object({ range: z.enum(Object.keys(ranges) as [RangeName, ...RangeName[]]).default('24h') });
  app.get('/api/monitors/:id/series', { preHandler: guard(store, 'viewer') }, async (request) => {
    const { id } = parse(idParam, request.params);
    const { range } = parse(rangeQuery, request.query);
    if (!(await store.getMonitor(id))) throw new HttpProblem(404, 'Not Found', `no monitor ${id}`);
    return rangeSeries(views, id, range, Date.now());
  });

  app.get('/api/monitors/:id/permission-matrix', { preHandler: guard(store, 'viewer') }, async (request) => {
    const { id } = parse(idParam, request.params);
    const monitor = await store.getMonitor(id);
    if (!monitor) throw new HttpProblem(404, 'Not Found', `no monitor ${id}`);
    const latest = await latestMatrix(store, monitor.name);
    if (!latest) throw new HttpProblem(404, 'Not Found', `monitor ${monitor.name} has no stored run with a permission matrix (an audit monitor with only: [permissions] makes one)`);
    return { monitor: monitor.name, ...latest };
  });

  // --- incidents, alerts, reports
  const listQuery = z.object({ monitorId: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) });
  app.get('/api/incidents', { preHandler: guard(store, 'viewer') }, async (request) => {
    const q = parse(listQuery, request.query);
    return store.listIncidents({ limit: q.limit, ...(q.monitorId !== undefined ? { monitorId: q.monitorId } : {}) });
  });
  const noteBody = z.strictObject({ note: z.string().trim().max(1000).nullable(), _csrf: z.string().optional() });
  app.put('/api/incidents/:id/note', { preHandler: guard(store, 'admin') }, async (request) => {
    const { id } = parse(idParam, request.params);
    const { note } = parse(noteBody, request.body);
    const incident = await store.setIncidentNote(id, note ? note : null);
    if (!incident) throw new HttpProblem(404, 'Not Found', `no incident ${id}`);
    return incident;
  });
  app.get('/api/alerts', { preHandler: guard(store, 'viewer') }, async (request) => {
    const q = parse(listQuery, request.query);
    return store.listAlertDeliveries({ limit: q.limit, ...(q.monitorId !== undefined ? { monitorId: q.monitorId } : {}) });
  });
  registerChannelRoutes(app, store, options.service);
  registerMaintenanceRoutes(app, store, calendar);
  app.get('/api/reports', { preHandler: guard(store, 'viewer') }, async () => store.listReports());
  app.get('/api/reports/:id', { preHandler: guard(store, 'viewer') }, async (request) => {
    const { id } = parse(idParam, request.params);
    const report = await store.getReport(id);
    if (!report) throw new HttpProblem(404, 'Not Found', `no report ${id}`);
    return report;
  });
  app.get('/api/status', { preHandler: guard(store, 'viewer') }, async () => ({ store: options.service?.storeStatus ?? { healthy: true, pendingResults: 0 } }));

  return app;
}

// A valid hash of a random password, so unknown usernames cost the same scrypt work.
const dummyHash = await hashPassword(randomToken());

function stripCsrf(body: unknown): unknown {
  if (body === null || typeof body !== 'object') return body;
  const { _csrf: _ignored, ...rest } = body as Record<string, unknown>;
  return rest;
}
