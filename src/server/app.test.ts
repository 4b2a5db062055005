import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger.js';
import { Redactor } from '../core/redact.js';
import { createHttpClient } from '../http/client.js';
import { startTestServer } from '../http/test-support/hostile-server.js';
import type { TestServer } from '../http/test-support/hostile-server.js';
import type { HttpClient } from '../http/types.js';
import { createMonitorMetrics } from '../monitor/metrics.js';
import { MonitorService } from '../monitor/monitor-service.js';
import { openTempSqlite } from '../store/test-stores.js';
import type { TestStore } from '../store/test-stores.js';
import { buildServer } from './app.js';
import { ensureAdmin } from './auth.js';

const adminPassword = 'correct horse battery staple';

describe('serve HTTP app', () => {
  let handle: TestStore;
  let app: FastifyInstance;
  let service: MonitorService;
  let client: HttpClient;
  let target: TestServer;

  beforeEach(async () => {
    handle = await openTempSqlite();
    client = createHttpClient({ isUnsafeAllowed: false });
    target = await startTestServer((_req, res) => {
      res.statusCode = 200;
      res.end('ok');
    });
    service = new MonitorService({ store: handle.store, client, alertClient: client, redactor: new Redactor([]), credentials: [], channels: [], logger: silentLogger });
    await ensureAdmin(handle.store, adminPassword);
    app = await buildServer({ store: handle.store, service, metrics: createMonitorMetrics(service) });
  });

  afterEach(async () => {
    await app.close();
    await service.stop();
    await client.close();
    await target.close();
    await handle.dispose();
  });

  async function signIn(username = 'admin', password = adminPassword, headers: Record<string, string> = {}) {
    const response = await app.inject({ method: 'POST', url: '/api/login', payload: { username, password }, headers });
    const cookie = String(response.headers['set-cookie'] ?? '');
    return { response, cookie: cookie.split(';')[0] ?? '', csrf: response.statusCode === 200 ? (response.json() as { csrfToken: string }).csrfToken : '' };
  }

  const monitor = () => ({ name: 'web', url: `${target.url}/`, interval: '1s', retries: 0 });

  it('answers health, readiness and metrics without sign-in, with a request id and no version banner', async () => {
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.headers['x-request-id']).toMatch(/\S+/);
    expect(health.headers.server).toBeUndefined();
    expect(health.headers['x-powered-by']).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready', database: true });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).body).toContain('faultline_checks_total');
  });

  it('answers 503 with a retry hint, not 500, while the database is unavailable, and 200 again once it is back', async () => {
    const { cookie } = await signIn();
    await app.close();
    // The real store, cut off the way an outage cuts it: every query rejects and ping says false.
    let isDown = false;
    const outage = new Proxy(handle.store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (isDown) return property === 'ping' ? Promise.resolve(false) : Promise.reject(new Error('Connection terminated unexpectedly'));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    app = await buildServer({ store: outage, service, metrics: createMonitorMetrics(service) });
    expect((await app.inject({ method: 'GET', url: '/api/status', headers: { cookie } })).statusCode).toBe(200);
    isDown = true;
    const down = await app.inject({ method: 'GET', url: '/api/status', headers: { cookie } });
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.json()).toMatchObject({ status: 503, title: 'Service Unavailable', detail: expect.stringMatching(/^the database is unavailable/) });
    expect(down.body).not.toMatch(/Connection terminated/);
    isDown = false;
    expect((await app.inject({ method: 'GET', url: '/api/status', headers: { cookie } })).statusCode).toBe(200);
  });

  it('refuses a wrong password with 401 as problem+json and rate-limits repeated failures with 429', async () => {
    const wrong = await signIn('admin', 'nope');
    expect(wrong.response.statusCode).toBe(401);
    expect(wrong.response.headers['content-type']).toContain('application/problem+json');
    expect(wrong.response.json()).toMatchObject({ status: 401, title: 'Unauthorized', instance: expect.stringContaining(String(wrong.response.headers['x-request-id'])) });
    for (let i = 0; i < 4; i++) await signIn('admin', 'nope');
    const limited = await signIn('admin', adminPassword);
    expect(limited.response.statusCode).toBe(429);
    expect(Number(limited.response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('sets an HttpOnly SameSite=Strict session cookie with expiry, Secure behind a TLS proxy', async () => {
    const plain = await signIn();
    expect(plain.response.statusCode).toBe(200);
    const header = String(plain.response.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    expect(header).toMatch(/Max-Age=\d+/);
    expect(header).not.toMatch(/Secure/);
    const proxied = await signIn('admin', adminPassword, { 'x-forwarded-proto': 'https' });
    expect(String(proxied.response.headers['set-cookie'])).toMatch(/; Secure/);
    expect(String(plain.response.body)).not.toContain(plain.cookie.split('=')[1] ?? '§');
  });

  it('refuses the API without sign-in (401) and a cookie write without the CSRF token (403)', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/monitors' })).statusCode).toBe(401);
    const { cookie, csrf } = await signIn();
    const noCsrf = await app.inject({ method: 'POST', url: '/api/monitors', headers: { cookie }, payload: monitor() });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().detail).toMatch(/CSRF/);
    const wrongCsrf = await app.inject({ method: 'POST', url: '/api/monitors', headers: { cookie, 'x-csrf-token': 'forged' }, payload: monitor() });
    expect(wrongCsrf.statusCode).toBe(403);
    const created = await app.inject({ method: 'POST', url: '/api/monitors', headers: { cookie, 'x-csrf-token': csrf }, payload: monitor() });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'web', source: 'api', status: 'pending' });
  });

  it('lets a viewer read but refuses an admin action with 403', async () => {
    const admin = await signIn();
    const made = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { username: 'viv', password: 'a long viewer password', role: 'viewer' },
    });
    expect(made.statusCode).toBe(201);
    const viewer = await signIn('viv', 'a long viewer password');
    expect((await app.inject({ method: 'GET', url: '/api/monitors', headers: { cookie: viewer.cookie } })).statusCode).toBe(200);
    const forbidden = await app.inject({ method: 'POST', url: '/api/monitors', headers: { cookie: viewer.cookie, 'x-csrf-token': viewer.csrf }, payload: monitor() });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().detail).toMatch(/admin/);
  });

  it('accepts an API token as Bearer without a CSRF token, and refuses an unknown one', async () => {
    const admin = await signIn();
    const issued = await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: { name: 'ci' } });
    const { token } = issued.json() as { token: string };
    const created = await app.inject({ method: 'POST', url: '/api/monitors', headers: { authorization: `Bearer ${token}` }, payload: monitor() });
    expect(created.statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/api/monitors', headers: { authorization: 'Bearer fl_unknown' } })).statusCode).toBe(401);
  });

  it('edits and deletes a monitor, schedules it at once, and reports its results, uptime and metrics', async () => {
    const { cookie, csrf } = await signIn();
    const headers = { cookie, 'x-csrf-token': csrf };
    const created = (await app.inject({ method: 'POST', url: '/api/monitors', headers, payload: monitor() })).json() as { id: number };
    const deadline = Date.now() + 10_000;
    while ((await handle.store.listResults({ monitorId: created.id })).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const list = (await app.inject({ method: 'GET', url: '/api/monitors', headers: { cookie } })).json() as { status: string; uptime: Record<string, number> }[];
    expect(list[0]).toMatchObject({ status: 'up', uptime: { '24h': 100 } });
    expect((await app.inject({ method: 'GET', url: `/api/monitors/${created.id}/results`, headers: { cookie } })).json()).not.toHaveLength(0);
    expect((await app.inject({ method: 'GET', url: '/metrics' })).body).toMatch(/faultline_monitor_up\{monitor="web"\} 1/);
    const edited = await app.inject({ method: 'PUT', url: `/api/monitors/${created.id}`, headers, payload: { ...monitor(), interval: '5s' } });
    expect(edited.statusCode).toBe(200);
    expect((edited.json() as { definition: { interval: number } }).definition.interval).toBe(5000);
    const invalid = await app.inject({ method: 'PUT', url: `/api/monitors/${created.id}`, headers, payload: { name: 'web' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().detail).toMatch(/url/);
    expect((await app.inject({ method: 'DELETE', url: `/api/monitors/${created.id}`, headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: `/api/monitors/${created.id}`, headers })).statusCode).toBe(404);
  });

  it('creates the first admin once, with a generated password when none is given', async () => {
    const fresh = await openTempSqlite();
    try {
      const first = await ensureAdmin(fresh.store, undefined);
      expect(first.created).toBe(true);
      expect(first.password?.length).toBeGreaterThanOrEqual(20);
      expect(await ensureAdmin(fresh.store, undefined)).toEqual({ created: false });
      expect(JSON.stringify(await fresh.store.getUserByName('admin'))).not.toContain(first.password);
    } finally {
      await fresh.dispose();
    }
  });

  it('keeps an SMTP password write-only: never answered, kept by an edit that leaves it empty, replaced by one that sends it', async () => {
    const { cookie, csrf } = await signIn();
    const headers = { cookie, 'x-csrf-token': csrf };
    const mail = { name: 'mail', type: 'email', smtp: { host: '127.0.0.1', port: 2525, user: 'ops', pass: 'smtp-pass-41d2' }, from: 'faultline@example.com', to: ['oncall@example.com'] };
    const created = await app.inject({ method: 'POST', url: '/api/channels', payload: mail, headers });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: number };
    const listed = await app.inject({ method: 'GET', url: '/api/channels', headers });
    for (const body of [created.body, listed.body]) expect(body).not.toContain('smtp-pass-41d2');
    expect(listed.json()).toEqual([expect.objectContaining({ name: 'mail', source: 'api', smtp: expect.objectContaining({ user: 'ops', hasPassword: true }) })]);
    expect((await app.inject({ method: 'POST', url: '/api/channels', payload: mail, headers })).statusCode).toBe(409);

    const stored = async () => ((await handle.store.listAlertChannels())[0]?.definition as { smtp: { pass?: string; host: string } }).smtp;
    const edited = await app.inject({ method: 'PUT', url: `/api/channels/${id}`, payload: { ...mail, smtp: { host: '127.0.0.2', port: 2525, user: 'ops' } }, headers });
    expect(edited.statusCode).toBe(200);
    expect(await stored()).toMatchObject({ host: '127.0.0.2', pass: 'smtp-pass-41d2' });
    await app.inject({ method: 'PUT', url: `/api/channels/${id}`, payload: { ...mail, smtp: { ...mail.smtp, pass: 'new-pass' } }, headers });
    expect((await stored()).pass).toBe('new-pass');
    expect((await app.inject({ method: 'DELETE', url: `/api/channels/${id}`, headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/channels', headers })).json()).toEqual([]);
  });

  it('answers a monitor page with its incidents, their deliveries and its latest report, and a chart of at most 720 points for a known range only', async () => {
    const { cookie } = await signIn();
    const headers = { cookie };
    const record = await handle.store.upsertMonitor({ name: 'nightly', definition: { name: 'nightly', kind: 'audit', cron: '0 3 * * *' }, source: 'config' });
    const now = Date.now();
    for (let i = 0; i < 2000; i++) {
      await handle.store.addResult({ monitorId: record.id, startedAt: now - i * 3_600_000, durationMs: 10 + (i % 7), ok: i % 50 !== 0, status: 200, error: null, lagMs: 0, detail: { url: '', assertions: [{ assertion: 'audit report', ok: true, detail: 'report #1' }] } });
    }
    const { incident } = await handle.store.openIncident({ monitorId: record.id, openedAt: now - 7_200_000, reason: 'down', failures: 3 });
    await handle.store.addAlertDelivery({ monitorId: record.id, incidentId: incident.id, channel: 'hook', kind: 'failure', at: now - 7_000_000, attempt: 1, ok: true, result: 'HTTP 200' });
    await handle.store.addReport({ monitorName: 'nightly', kind: 'audit', createdAt: now - 1000, report: {}, scorecard: { permissions: 2 }, findings: 2 });

    const page = (await app.inject({ method: 'GET', url: `/api/monitors/${record.id}`, headers })).json() as Record<string, unknown>;
    expect(page).toMatchObject({
      name: 'nightly',
      assertions: [{ assertion: 'audit report', ok: true }],
      incidents: [{ id: incident.id, closedAt: null, deliveries: [{ channel: 'hook', kind: 'failure', result: 'HTTP 200' }] }],
      latestReport: { monitorName: 'nightly', scorecard: { permissions: 2 }, findings: 2 },
    });
    expect((page.days as unknown[]).length).toBe(90);
    expect((page.incidents as { durationMs: number }[])[0]?.durationMs).toBeGreaterThanOrEqual(7_200_000);

    const series = (await app.inject({ method: 'GET', url: `/api/monitors/${record.id}/series?range=90d`, headers })).json() as { points: { count: number }[]; uptime: number };
    expect(series.points.length).toBeGreaterThan(0);
    expect(series.points.length).toBeLessThanOrEqual(720);
    expect(series.points.reduce((sum, p) => sum + p.count, 0)).toBe(2000); // hourly for 83 days: all inside 90 d
    expect((await app.inject({ method: 'GET', url: `/api/monitors/${record.id}/series?range=1y`, headers })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: `/api/monitors/${record.id}/series` })).statusCode).toBe(401);
  });
});
