import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../../http/test-support/hostile-server.js';
import type { TestServer } from '../../http/test-support/hostile-server.js';
import { openStore } from '../../store/open-store.js';
import { startServe } from './serve.js';

const petstore = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'specs', 'petstore-3.0.yaml');

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('faultline serve', () => {
  let dir: string;
  let target: TestServer;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-serve-'));
    target = await startTestServer((_req, res) => {
      res.statusCode = 200;
      res.end('ok');
    });
    process.env.FAULTLINE_ADMIN_PASSWORD = 'serve test admin password';
  });
  afterEach(async () => {
    delete process.env.FAULTLINE_ADMIN_PASSWORD;
    await target.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the config monitors into the database, stores a scheduled lint report and answers the API', async () => {
    const config = join(dir, 'faultline.yaml');
    await writeFile(
      config,
      [`spec: ${petstore}`, 'monitors:', `  - { name: web, url: "${target.url}/health", interval: 1s }`, '  - { name: spec-lint, kind: lint, interval: 1h }'].join('\n') + '\n',
    );
    const db = `sqlite:${join(dir, 'serve.db')}`;
    const serve = await startServe({ config, db, listen: '127.0.0.1:0', trustProxy: false });
    try {
      const login = await fetch(`${serve.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'serve test admin password' }) });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      await until(async () => {
        const reports = (await (await fetch(`${serve.url}/api/reports`, { headers: { cookie } })).json()) as unknown[];
        return reports.length > 0;
      }, 'the lint report');
      const monitors = (await (await fetch(`${serve.url}/api/monitors`, { headers: { cookie } })).json()) as { name: string; status: string }[];
      expect(monitors.map((m) => m.name).sort()).toEqual(['spec-lint', 'web']);
      const [report] = (await (await fetch(`${serve.url}/api/reports`, { headers: { cookie } })).json()) as { kind: string; findings: number; scorecard: Record<string, number> }[];
      expect(report?.kind).toBe('lint');
      expect(Object.values(report?.scorecard ?? {}).reduce((a, b) => a + b, 0)).toBe(report?.findings);
      expect((await fetch(`${serve.url}/metrics`)).status).toBe(200);
    } finally {
      await serve.close();
    }
    // Everything taken before close is in the file.
    const store = await openStore(db);
    try {
      const web = await store.getMonitorByName('web');
      expect((await store.listResults({ monitorId: web?.id ?? -1 })).length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('refuses a monitor that names an unknown credential, with the config field', async () => {
    const config = join(dir, 'faultline.yaml');
    await writeFile(config, ['monitors:', `  - { name: web, url: "${target.url}/", credential: ghost }`].join('\n') + '\n');
    await expect(startServe({ config, db: `sqlite:${join(dir, 'x.db')}`, listen: '127.0.0.1:0', trustProxy: false })).rejects.toThrow(/no credential named 'ghost'/);
  });

  it('stops with E_STORE (exit 2) when the database cannot be opened, before listening', async () => {
    await expect(startServe({ db: `sqlite:${join(dir, 'no-such-folder', 'x.db')}`, listen: '127.0.0.1:0', trustProxy: false })).rejects.toMatchObject({
      code: 'E_STORE',
      exitCode: 2,
      location: { field: '--db' },
    });
  });

  it('refuses a worker without --redis and an unknown role', async () => {
    const db = `sqlite:${join(dir, 'w.db')}`;
    await expect(startServe({ db, listen: '127.0.0.1:0', trustProxy: false, role: 'worker' })).rejects.toThrow(/needs --redis/);
    await expect(startServe({ db, listen: '127.0.0.1:0', trustProxy: false, role: 'boss' })).rejects.toThrow(/--role must be all or worker/);
  });
});
