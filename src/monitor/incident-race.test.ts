import { afterEach, describe, expect, it } from 'vitest';
import { alertChannelSchema, monitorSchema } from '../config/schema.js';
import { silentLogger } from '../core/logger.js';
import { Redactor } from '../core/redact.js';
import { createHttpClient } from '../http/client.js';
import { startTestServer } from '../http/test-support/hostile-server.js';
import type { HttpClient } from '../http/types.js';
import { openStore } from '../store/open-store.js';
import { requirePostgresInCi, testStoreKinds } from '../store/test-stores.js';
import type { Store } from '../store/types.js';
import { MonitorService } from './monitor-service.js';

requirePostgresInCi('incident-race.test.ts');

// Two workers that take the same failing check at the same moment (two slots of a flapping target
// handed to two processes) both see "no incident open yet". Each has its own connection to the
// shared database, as two `serve --role worker` processes do. On PostgreSQL the two read-then-open
// sequences truly overlap; on SQLite one process's queries run without yielding between them, so the
// SQLite half guards the wiring and store.contract.test.ts races the SQLite connections themselves.
describe.each(testStoreKinds().map((kind) => [kind.name, kind] as const))('two workers failing the same monitor at once on %s', (_name, kind) => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.reverse()) await close();
    closers.length = 0;
  });

  it('open exactly one incident and send exactly one failure alert', async () => {
    // The target answers the two workers' checks together, so their incident updates interleave.
    let waiting: (() => void)[] = [];
    const target = await startTestServer((_req, res) => {
      waiting.push(() => {
        res.statusCode = 503;
        res.end('down');
      });
      if (waiting.length === 2) {
        for (const answer of waiting) answer();
        waiting = [];
      }
    });
    closers.push(() => target.close());
    const webhook = await startTestServer((_req, res) => {
      res.statusCode = 204;
      res.end();
    });
    closers.push(() => webhook.close());
    const handle = await kind.open();
    closers.push(() => handle.dispose());

    const monitor = monitorSchema.parse({ name: 'shared', url: `${target.url}/`, interval: '1h', retries: 0 });
    const channel = alertChannelSchema.parse({ name: 'hook', type: 'webhook', url: `${webhook.url}/alerts`, retries: 0 });
    const services: MonitorService[] = [];
    for (let i = 0; i < 2; i++) {
      const store: Store = i === 0 ? handle.store : await openStore(handle.url);
      const client: HttpClient = createHttpClient({ isUnsafeAllowed: false });
      const service = new MonitorService({ store, client, alertClient: client, redactor: new Redactor([]), credentials: [], channels: [channel], logger: silentLogger, shared: true });
      // Planned slots go nowhere: the test hands both workers the checks itself.
      service.setDispatch(async () => {});
      closers.push(async () => {
        await service.stop();
        await client.close();
        if (store !== handle.store) await store.close();
      });
      await service.start([monitor]);
      services.push(service);
    }
    const record = await handle.store.getMonitorByName('shared');
    const id = record?.id ?? -1;

    for (let round = 0; round < 5; round++) {
      const now = Date.now();
      await Promise.all(services.map((service, i) => service.runQueued(id, now + i)));
    }
    await Promise.all(services.map((service) => service.alerts.drain()));

    const incidents = await handle.store.listIncidents({ monitorId: id });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.closedAt).toBeNull();
    expect(webhook.received.filter((r) => r.url === '/alerts')).toHaveLength(1);
    expect((await handle.store.listAlertDeliveries({ monitorId: id })).filter((d) => d.ok)).toHaveLength(1);
    expect(await handle.store.listResults({ monitorId: id })).toHaveLength(10);
  });
});
