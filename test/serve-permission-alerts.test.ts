import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe } from '../src/cli/commands/serve.js';
import { json, startServer } from '../src/engine/audit/audit-harness.test-helper.js';
import { startTestServer, type TestServer } from '../src/http/test-support/hostile-server.js';
import { requirePostgresInCi, testStoreKinds } from '../src/store/test-stores.js';
import { errorLines, runCli } from './support/run-cli.js';

requirePostgresInCi('serve-permission-alerts.test.ts');

const responses = { '200': { description: 'ok' }, '401': { description: 'no credentials' }, '403': { description: 'not allowed' } };
const spec = {
  openapi: '3.0.3',
  info: { title: 'permission fixture', version: '1' },
  security: [{ oauth: ['read'] }],
  paths: {
    '/things': { get: { responses } },
    '/admin/stats': { get: { security: [{ oauth: ['admin'] }], responses } },
  },
  components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'http://127.0.0.1/token', scopes: { read: 'r', admin: 'a' } } } } } },
};

const tokens: Record<string, string[]> = { 'Bearer admin-token': ['read', 'admin'], 'Bearer reader-token': ['read'] };
const password = 'permission alerts admin password';

/**
 * A scheduled permission audit under a real serve (restarted for each run: an interval monitor runs at
 * start, and the comparison must come from the store, not from memory), against a fixture API whose
 * `GET /admin/stats` lets the reader in once `isReaderLetIn` is flipped, with a real webhook receiver.
 */
describe.each(testStoreKinds().map((kind) => [kind.name, kind] as const))('a scheduled permission audit on %s', (_name, kind) => {
  let isReaderLetIn = false;
  let api: Awaited<ReturnType<typeof startServer>>;
  let webhook: TestServer;
  let dir: string;
  let db: Awaited<ReturnType<typeof kind.open>>;

  beforeAll(async () => {
    api = await startServer((request, response) => {
      const scopes = tokens[request.headers.authorization ?? ''];
      const path = (request.url ?? '').split('?')[0];
      if (!scopes) return json(response, 401, { title: 'token required' });
      if (path === '/things' && request.method === 'GET') return json(response, 200, [{ id: 1 }]);
      if (path === '/admin/stats' && request.method === 'GET') return scopes.includes('admin') || isReaderLetIn ? json(response, 200, { users: 3 }) : json(response, 403, { title: 'admins only' });
      json(response, 404, { title: 'none' });
    });
    webhook = await startTestServer((_request, response) => response.writeHead(204).end());
    dir = await mkdtemp(join(tmpdir(), 'faultline-serve-permissions-'));
    db = await kind.open();
    await writeFile(join(dir, 'spec.json'), JSON.stringify(spec));
    await writeFile(
      join(dir, 'faultline.yaml'),
      [
        'spec: spec.json',
        `target: ${api.url}`,
        'credentials:',
        '  - { name: admin, headers: { Authorization: "Bearer admin-token" }, scopes: [read, admin] }',
        '  - { name: reader, headers: { Authorization: "Bearer reader-token" }, scopes: [read] }',
        'budget: { requests: 300, time: 60s }',
        'monitors:',
        '  - { name: nightly-permissions, kind: audit, only: [permissions], interval: 1h }',
        'alerts:',
        `  - { name: hook, type: webhook, url: "${webhook.url}/alerts", retries: 0 }`,
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await Promise.all([api.close(), webhook.close(), db.dispose()]);
    await rm(dir, { recursive: true, force: true });
  });

  const alerts = () => webhook.received.filter((r) => r.url === '/alerts').map((r) => JSON.parse(r.body.toString()) as Record<string, unknown>);

  /** Start serve, wait for its run at start to be stored and checked, optionally look at it, stop it. */
  async function runOnce(nth: number, look?: (url: string) => Promise<void>): Promise<void> {
    const saved = process.env.FAULTLINE_ADMIN_PASSWORD;
    process.env.FAULTLINE_ADMIN_PASSWORD = password;
    const serve = await startServe({ config: join(dir, 'faultline.yaml'), db: db.url, listen: '127.0.0.1:0', trustProxy: false });
    try {
      const monitor = await db.store.getMonitorByName('nightly-permissions');
      const deadline = Date.now() + 60_000;
      while ((await db.store.listResults({ monitorId: monitor?.id ?? -1 })).length < nth) {
        if (Date.now() > deadline) throw new Error(`run ${nth} was not stored within 60 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await look?.(serve.url);
    } finally {
      await serve.close(); // waits for the alerts under way
      if (saved === undefined) delete process.env.FAULTLINE_ADMIN_PASSWORD;
      else process.env.FAULTLINE_ADMIN_PASSWORD = saved;
    }
  }

  it('alerts once when the reader is let in, never on the first run or when nothing changed, and once when it is fixed', async () => {
    await runOnce(1);
    expect(alerts()).toEqual([]);
    const [first] = await db.store.listReports({ monitorName: 'nightly-permissions' });
    const firstReport = (await db.store.getReport(first?.id ?? -1))?.report as { permissionMatrix?: { rows: { operation: string; cells: Record<string, { verdict: string }> }[] } };
    expect(firstReport.permissionMatrix?.rows.find((r) => r.operation === 'GET /admin/stats')?.cells['reader']?.verdict).toBe('denied');

    await runOnce(2);
    expect(alerts()).toEqual([]);

    isReaderLetIn = true;
    await runOnce(3, async (url) => {
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toContain('faultline_permission_violations{monitor="nightly-permissions"} 1');
      const login = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const monitor = await db.store.getMonitorByName('nightly-permissions');
      const latest = (await (await fetch(`${url}/api/monitors/${monitor?.id}/permission-matrix`, { headers: { cookie } })).json()) as { monitor: string; matrix: { roles: string[]; rows: { operation: string; cells: Record<string, { verdict: string; status: number }> }[] } };
      expect(latest.monitor).toBe('nightly-permissions');
      expect(latest.matrix.roles).toEqual(['anonymous', 'admin', 'reader']);
      expect(latest.matrix.rows.find((r) => r.operation === 'GET /admin/stats')?.cells['reader']).toMatchObject({ verdict: 'violation', status: 200 });
    });
    const reports = await db.store.listReports({ monitorName: 'nightly-permissions' });
    expect(alerts()).toEqual([
      {
        schema: 'faultline/alert@1',
        kind: 'permission-change',
        monitor: 'nightly-permissions',
        subject: `permission:${reports[0]?.id}:GET /admin/stats:reader`,
        isRegression: true,
        operation: 'GET /admin/stats',
        role: 'reader',
        requires: 'oauth (admin)',
        from: 'denied',
        to: 'violation',
        status: 200,
        reportId: reports[0]?.id,
        previousReportId: reports[1]?.id,
        sentence: 'reader on GET /admin/stats: denied → violation (200), the spec does not let reader do this (requires oauth (admin)) and the API now allows it',
        at: expect.any(String),
      },
    ]);
    const deliveries = await db.store.listAlertDeliveries();
    expect(deliveries.map((d) => [d.kind, d.channel, d.ok, d.result, d.incidentId, d.subject])).toEqual([['permission-change', 'hook', true, 'HTTP 204', null, `permission:${reports[0]?.id}:GET /admin/stats:reader`]]);

    await runOnce(4);
    expect(alerts()).toHaveLength(1);

    isReaderLetIn = false;
    await runOnce(5);
    expect(alerts().map((a) => [a.from, a.to, a.isRegression, a.sentence])).toEqual([
      ['denied', 'violation', true, expect.any(String)],
      ['violation', 'denied', false, 'reader on GET /admin/stats: violation → denied (403), no longer a problem'],
    ]);
    const [latest] = await db.store.listResults({ monitorId: (await db.store.getMonitorByName('nightly-permissions'))?.id ?? -1, limit: 1 });
    expect(JSON.stringify(latest?.detail)).toContain('violation → denied (403)');
  }, 240_000);
});

describe('a scheduled audit with a check selection in faultline.yaml', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-serve-only-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('names a misspelt check or cause in `only` with a suggestion before serve starts', async () => {
    const file = join(dir, 'typo.yaml');
    await writeFile(file, 'spec: spec.json\ntarget: http://127.0.0.1:9\nmonitors:\n  - { name: perms, kind: audit, only: [permisions], interval: 1h }\n');
    const result = await runCli(['serve', '-c', file, '--db', `sqlite:${join(dir, 'typo.db')}`, '--listen', '127.0.0.1:0'], { timeoutMs: 30_000 });
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([`faultline: ${file}: monitors[0].only: unknown check or cause 'permisions' (did you mean 'permissions'?)`]);
  });

  it('refuses `only` on a monitor that is not an audit', async () => {
    const file = join(dir, 'http.yaml');
    await writeFile(file, 'monitors:\n  - { name: health, url: "http://127.0.0.1:9/health", only: [permissions] }\n');
    const result = await runCli(['serve', '-c', file, '--db', `sqlite:${join(dir, 'http.db')}`, '--listen', '127.0.0.1:0'], { timeoutMs: 30_000 });
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([`faultline: ${file}:2: monitors[0].only: \`only\` selects the checks of an audit monitor (kind: audit)`]);
  });
});
