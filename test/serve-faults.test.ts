import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/http/test-support/hostile-server.js';
import { openStore } from '../src/store/open-store.js';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres.js';
import { signIn, startServeChild, until, type ServeChild } from './support/serve-child.js';

// The faults of issue 6 made for real against `faultline serve` in its own process: the process must
// keep running, keep every result it took, and say so in its log and status while the fault lasts.

const password = 'serve faults admin password';

/** Whether this machine can make a file immutable (root, or CAP_LINUX_IMMUTABLE, on ext4/xfs/btrfs). */
function immutableFilesWork(dir: string): boolean {
  const probe = join(dir, 'probe');
  try {
    execFileSync('sh', ['-c', `: > '${probe}' && chattr +i '${probe}' && chattr -i '${probe}'`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const pgBin = process.env.FAULTLINE_TEST_PG_BIN;
if (!pgBin) {
  const message =
    'serve-faults.test.ts: FAULTLINE_TEST_PG_BIN is not set, so the PostgreSQL restart test is skipped (set it to the folder with initdb and pg_ctl, e.g. /usr/lib/postgresql/15/bin; .ci/run sets it)';
  if (process.env.CI === 'true') throw new Error(`${message}; CI must run it`);
  console.warn(`WARNING ${message}`);
}

describe('faultline serve when its database fails mid-run', () => {
  let dir: string;
  let target: TestServer;
  let hits: { readonly at: number }[];
  let serve: ServeChild | undefined;
  const cleanups: (() => unknown)[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-serve-faults-'));
    hits = [];
    target = await startTestServer((_req, res) => {
      hits.push({ at: Date.now() });
      res.statusCode = 200;
      res.end('ok');
    });
    await writeFile(join(dir, 'faultline.yaml'), ['monitors:', `  - { name: web, url: "${target.url}/health", interval: 1s, timeout: 2s }`].join('\n') + '\n');
  });
  afterEach(async () => {
    await serve?.stop();
    serve = undefined;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await target.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** until(), failing at once with serve's log when serve is gone (a crash is the fault these tests look for). */
  function whileServing(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
    return until(async () => {
      if (!serve?.isRunning()) throw new Error(`serve exited while waiting for ${what}:\n${serve?.lines.join('\n') ?? ''}`);
      return condition();
    }, what);
  }

  async function readiness(): Promise<{ status: number; body: { database: boolean; healthy: boolean; pendingResults: number } }> {
    const response = await fetch(`${serve?.url ?? ''}/readyz`);
    return { status: response.status, body: (await response.json()) as { database: boolean; healthy: boolean; pendingResults: number } };
  }

  /** After serve stopped: the stored results against what the target saw, one request per check. */
  async function storedStartTimes(db: string): Promise<number[]> {
    const store = await openStore(db);
    try {
      const monitor = await store.getMonitorByName('web');
      return (await store.listResults({ monitorId: monitor?.id ?? -1, limit: 10_000 })).map((r) => r.startedAt);
    } finally {
      await store.close();
    }
  }

  it('keeps the results it takes while its SQLite file and WAL are immutable, says so in log, /readyz and /api/status, and writes them all once the file is writable', async (context) => {
    if (!immutableFilesWork(dir)) {
      const message = 'serve-faults.test.ts: chattr +i does not work here (needs root or CAP_LINUX_IMMUTABLE and ext4/xfs/btrfs), so the read-only SQLite test is skipped';
      if (process.env.CI === 'true') throw new Error(`${message}; CI must run it`);
      console.warn(`WARNING ${message}`);
      context.skip();
    }
    const file = join(dir, 'serve.db');
    const db = `sqlite:${file}`;
    serve = await startServeChild(['--config', join(dir, 'faultline.yaml'), '--db', db], { env: { FAULTLINE_ADMIN_PASSWORD: password } });
    const cookie = await signIn(serve.url, password);
    await whileServing(() => hits.length >= 2, 'two checks');

    // Immutable: no process, root included, may write the database or its write-ahead log, whatever
    // descriptors it opened before (a chmod would not touch serve's open descriptors). The -shm index
    // stays writable: SQLite maps it into memory, and a write fault there is a SIGBUS in any process.
    const frozen = [file, `${file}-wal`];
    let isFrozen = true;
    const thaw = () => {
      if (isFrozen) execFileSync('chattr', ['-i', ...frozen], { stdio: 'ignore' });
      isFrozen = false;
    };
    execFileSync('chattr', ['+i', ...frozen]);
    cleanups.push(thaw);
    const frozenAt = Date.now();
    await whileServing(async () => {
      const ready = await readiness();
      return ready.status === 503 && !ready.body.healthy && ready.body.pendingResults >= 3;
    }, '/readyz to report three results waiting');
    expect(serve.messages()).toContain('store refused a result; keeping it in memory and retrying');
    const status = (await (await fetch(`${serve.url}/api/status`, { headers: { cookie } })).json()) as { store: { healthy: boolean; pendingResults: number } };
    expect(status.store.healthy).toBe(false);
    expect(status.store.pendingResults).toBeGreaterThanOrEqual(3);
    expect(serve.isRunning()).toBe(true);

    thaw();
    const thawedAt = Date.now();
    await whileServing(async () => {
      const ready = await readiness();
      return ready.status === 200 && ready.body.pendingResults === 0;
    }, 'the waiting results to be written');
    expect(serve.messages()).toContain('store writable again; waiting results written');
    const taken = hits.length;
    await whileServing(() => hits.length >= taken + 2, 'two checks after the fault');

    expect(await serve.stop()).toBe(0);
    const startedAt = await storedStartTimes(db);
    expect(startedAt).toHaveLength(hits.length);
    expect(new Set(startedAt).size).toBe(startedAt.length);
    expect(startedAt.filter((t) => t >= frozenAt && t < thawedAt).length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it.skipIf(!pgBin)('rides out its PostgreSQL server restarting, twice, losing no result, and says so in log and /readyz while it is down', async () => {
    const postgres: PrivatePostgres = await startPrivatePostgres(pgBin ?? '');
    cleanups.push(() => postgres.dispose());
    serve = await startServeChild(['--config', join(dir, 'faultline.yaml'), '--db', postgres.url], { env: { FAULTLINE_ADMIN_PASSWORD: password } });
    await whileServing(() => hits.length >= 2, 'two checks');

    // A quick restart: every pooled connection dies under serve.
    postgres.restart();
    const restarted = hits.length;
    await whileServing(() => hits.length >= restarted + 3, 'three checks after the restart');
    await whileServing(async () => (await readiness()).status === 200, '/readyz after the restart');

    // A restart that takes a while (a stop, time, a start), so the outage can be seen from outside.
    postgres.stop();
    const stoppedAt = Date.now();
    await whileServing(async () => {
      const ready = await readiness();
      return ready.status === 503 && !ready.body.database && ready.body.pendingResults >= 3;
    }, '/readyz to report the database down with three results waiting');
    expect(serve.messages()).toContain('store refused a result; keeping it in memory and retrying');
    expect(serve.isRunning()).toBe(true);
    postgres.start();
    const startedAgainAt = Date.now();
    await whileServing(async () => {
      const ready = await readiness();
      return ready.status === 200 && ready.body.pendingResults === 0;
    }, 'the waiting results to be written');
    expect(serve.messages()).toContain('store writable again; waiting results written');
    const taken = hits.length;
    await whileServing(() => hits.length >= taken + 2, 'two checks after the outage');

    expect(await serve.stop()).toBe(0);
    const startedAt = await storedStartTimes(postgres.url);
    expect(startedAt).toHaveLength(hits.length);
    expect(new Set(startedAt).size).toBe(startedAt.length);
    expect(startedAt.filter((t) => t >= stoppedAt && t < startedAgainAt).length).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
