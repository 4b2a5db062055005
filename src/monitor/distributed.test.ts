import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { monitorSchema } from '../config/schema.js';
import { silentLogger } from '../core/logger.js';
import { Redactor } from '../core/redact.js';
import { createHttpClient } from '../http/client.js';
import { startTestServer } from '../http/test-support/hostile-server.js';
import type { TestServer } from '../http/test-support/hostile-server.js';
import type { HttpClient } from '../http/types.js';
import { openTempSqlite } from '../store/test-stores.js';
import type { TestStore } from '../store/test-stores.js';
import { startCheckQueue } from './distributed.js';
import { MonitorService } from './monitor-service.js';

const redisUrl = process.env.FAULTLINE_TEST_REDIS_URL;
if (!redisUrl) {
  const message = 'distributed.test.ts: FAULTLINE_TEST_REDIS_URL is not set, so the two-worker test is skipped (.ci/run starts Redis and sets it)';
  if (process.env.CI === 'true') throw new Error(`${message}; CI must run it`);
  console.warn(`WARNING ${message}`);
}

describe.skipIf(!redisUrl)('serve workers sharing checks through BullMQ', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.reverse()) await close();
    closers.length = 0;
  });

  it('runs each planned check exactly once across two workers', async () => {
    const target: TestServer = await startTestServer((_req, res) => {
      res.statusCode = 200;
      res.end('ok');
    });
    closers.push(() => target.close());
    const handle: TestStore = await openTempSqlite();
    closers.push(() => handle.dispose());
    const prefix = `faultline-test-${randomBytes(4).toString('hex')}`;
    const monitor = monitorSchema.parse({ name: 'shared', url: `${target.url}/`, interval: '1s' });
    const ran: number[] = [0, 0];
    for (const index of [0, 1]) {
      const client: HttpClient = createHttpClient({ isUnsafeAllowed: false });
      const service = new MonitorService({ store: handle.store, client, alertClient: client, redactor: new Redactor([]), credentials: [], channels: [], logger: silentLogger, shared: true });
      service.onCheck(() => ran[index]!++);
      const queue = await startCheckQueue({ redisUrl: redisUrl ?? '', service, logger: silentLogger, prefix });
      closers.push(async () => {
        await queue.close();
        await service.stop();
        await client.close();
      });
      await service.start([monitor]);
    }
    const record = await handle.store.getMonitorByName('shared');
    const deadline = Date.now() + 20_000;
    while ((await handle.store.listResults({ monitorId: record?.id ?? -1 })).length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // Stop both workers (the last two closers) before counting, so nothing is in flight.
    for (const close of closers.splice(2).reverse()) await close();
    const results = await handle.store.listResults({ monitorId: record?.id ?? -1 });
    expect(results.length).toBeGreaterThanOrEqual(6);
    // Each result's planned slot is startedAt - lagMs; no slot may appear twice.
    const slots = results.map((r) => Math.round((r.startedAt - r.lagMs) / 1000));
    expect(new Set(slots).size).toBe(slots.length);
    expect(ran[0]! + ran[1]!).toBe(results.length);
  }, 60_000);
});
