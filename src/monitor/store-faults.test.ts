import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monitorSchema } from '../config/schema.js';
import type { Logger } from '../core/logger.js';
import { Redactor } from '../core/redact.js';
import { createHttpClient } from '../http/client.js';
import { startTestServer } from '../http/test-support/hostile-server.js';
import type { TestServer } from '../http/test-support/hostile-server.js';
import type { HttpClient } from '../http/types.js';
import { openTempPostgres, openTempSqlite, requirePostgresInCi } from '../store/test-stores.js';
import type { TestStore } from '../store/test-stores.js';
import { MonitorService } from './monitor-service.js';
import { openSqliteDatabase } from '../store/sqlite-driver.js';

requirePostgresInCi('store-faults.test.ts');

async function until(condition: () => boolean | Promise<boolean>, what: string, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('serve when its database fails', () => {
  let target: TestServer;
  let client: HttpClient;
  let handle: TestStore | undefined;
  let service: MonitorService | undefined;
  const messages: string[] = [];
  const logger: Logger = {
    debug: () => {},
    info: (m) => void messages.push(m),
    warn: (m) => void messages.push(m),
    error: (m) => void messages.push(m),
    child: () => logger,
  };

  beforeEach(async () => {
    messages.length = 0;
    target = await startTestServer((_req, res) => {
      res.statusCode = 200;
      res.end('ok');
    });
    client = createHttpClient({ isUnsafeAllowed: false });
  });
  afterEach(async () => {
    await service?.stop();
    service = undefined;
    await client.close();
    await target.close();
    await handle?.dispose();
    handle = undefined;
  });

  async function startMonitoring(store: TestStore, stopGraceMs?: number): Promise<{ taken: () => number; monitorId: number }> {
    let checks = 0;
    service = new MonitorService({
      store: store.store,
      client,
      alertClient: client,
      redactor: new Redactor([]),
      credentials: [],
      channels: [],
      logger,
      storeRetryMs: 200,
      ...(stopGraceMs !== undefined ? { stopGraceMs } : {}),
    });
    service.onCheck(() => checks++);
    await service.start([monitorSchema.parse({ name: 'web', url: `${target.url}/`, interval: '1s' })]);
    const monitor = await store.store.getMonitorByName('web');
    return { taken: () => checks, monitorId: monitor?.id ?? -1 };
  }

  it('keeps results while the SQLite file is locked by another writer and writes every one afterwards', async () => {
    handle = await openTempSqlite();
    const { taken, monitorId } = await startMonitoring(handle);
    await until(() => taken() >= 1, 'a first check');
    const blocker = openSqliteDatabase(handle.url.replace(/^sqlite:/, ''));
    blocker.pragma('busy_timeout = 0');
    blocker.exec('BEGIN EXCLUSIVE');
    try {
      await until(() => service?.storeStatus.healthy === false, 'the store to refuse a write');
      await until(() => (service?.storeStatus.pendingResults ?? 0) >= 2, 'results waiting in memory');
      expect(messages).toContain('store refused a result; keeping it in memory and retrying');
    } finally {
      blocker.exec('COMMIT');
      blocker.close();
    }
    await until(() => service?.storeStatus.healthy === true && service.storeStatus.pendingResults === 0, 'the waiting results to be written');
    expect(messages).toContain('store writable again; waiting results written');
    await service?.stop();
    const stored = await handle.store.listResults({ monitorId });
    expect(stored.length).toBe(taken());
    expect(new Set(stored.map((r) => r.startedAt)).size).toBe(stored.length);
  }, 60_000);

  it('when stopped while the store refuses writes, keeps retrying for its grace time and writes what waits once the store takes it', async () => {
    handle = await openTempSqlite();
    const { taken, monitorId } = await startMonitoring(handle, 20_000);
    await until(() => taken() >= 1, 'a first check');
    const blocker = openSqliteDatabase(handle.url.replace(/^sqlite:/, ''));
    blocker.pragma('busy_timeout = 0');
    blocker.exec('BEGIN EXCLUSIVE');
    let stopped = false;
    try {
      await until(() => (service?.storeStatus.pendingResults ?? 0) >= 2, 'results waiting in memory');
      const stopping = service?.stop().then(() => (stopped = true));
      await until(() => messages.includes('stopping: the store still refuses waiting results; retrying before giving up'), 'the stop to wait for the store');
      expect(stopped).toBe(false);
      blocker.exec('COMMIT');
      await stopping;
    } finally {
      if (blocker.inTransaction) blocker.exec('COMMIT');
      blocker.close();
    }
    expect(messages).not.toContain('stopping with results the store did not take');
    expect((await handle.store.listResults({ monitorId })).length).toBe(taken());
  }, 60_000);

  it('when stopped while the store refuses writes past its grace time, says how many results it could not keep', async () => {
    handle = await openTempSqlite();
    const { taken } = await startMonitoring(handle, 500);
    await until(() => taken() >= 1, 'a first check');
    const blocker = openSqliteDatabase(handle.url.replace(/^sqlite:/, ''));
    blocker.pragma('busy_timeout = 0');
    blocker.exec('BEGIN EXCLUSIVE');
    try {
      await until(() => (service?.storeStatus.pendingResults ?? 0) >= 1, 'a result waiting in memory');
      await service?.stop();
      expect(messages).toContain('stopping with results the store did not take');
    } finally {
      blocker.exec('COMMIT');
      blocker.close();
    }
  }, 60_000);

  it.skipIf(!process.env.FAULTLINE_TEST_PG_URL)('goes on after PostgreSQL drops every connection mid-run, losing no result', async () => {
    const adminUrl = process.env.FAULTLINE_TEST_PG_URL ?? '';
    handle = await openTempPostgres(adminUrl);
    const { taken, monitorId } = await startMonitoring(handle);
    await until(() => taken() >= 2, 'two checks');
    const database = new URL(handle.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      // What a server restart does to the clients: every backend of the database is killed. (The real
      // restart, with pg_ctl, and a truly read-only SQLite file are in test/serve-faults.test.ts.)
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    } finally {
      await admin.end();
    }
    const before = taken();
    await until(() => taken() >= before + 3, 'three more checks');
    await until(() => service?.storeStatus.pendingResults === 0, 'the waiting results to be written');
    await service?.stop();
    expect((await handle.store.listResults({ monitorId })).length).toBe(taken());
  }, 60_000);
});
