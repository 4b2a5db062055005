import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertChannelSchema, monitorSchema } from '../config/schema.js';
import type { Logger } from '../core/logger.js';
import { Redactor, secretsFromCredentials } from '../core/redact.js';
import { createHttpClient } from '../http/client.js';
import { startTestServer } from '../http/test-support/hostile-server.js';
import type { TestServer } from '../http/test-support/hostile-server.js';
import type { HttpClient } from '../http/types.js';
import { openTempSqlite } from '../store/test-stores.js';
import type { TestStore } from '../store/test-stores.js';
import { MonitorService } from './monitor-service.js';
import { startSmtpReceiver } from './test-receivers.js';
import type { SmtpReceiver } from './test-receivers.js';

interface LogLine {
  level: string;
  message: string;
  fields: Record<string, unknown> | undefined;
}

function memoryLogger(lines: LogLine[]): Logger {
  const logger: Logger = {
    debug: (message, fields) => lines.push({ level: 'debug', message, fields }),
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
    child: () => logger,
  };
  return logger;
}

async function until(condition: () => boolean | Promise<boolean>, what: string, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('MonitorService against a real target, webhook and SMTP receivers', () => {
  let target: TestServer;
  let webhook: TestServer;
  let smtp: SmtpReceiver;
  let handle: TestStore;
  let client: HttpClient;
  let service: MonitorService | undefined;
  let healthy = true;
  let webhookUp = true;
  const logs: LogLine[] = [];

  beforeEach(async () => {
    healthy = true;
    webhookUp = true;
    logs.length = 0;
    target = await startTestServer((req, res) => {
      res.statusCode = healthy ? 200 : 503;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: healthy ? 'ok' : 'down', auth: req.headers.authorization ?? null }));
    });
    webhook = await startTestServer((_req, res) => {
      res.statusCode = webhookUp ? 204 : 502;
      res.end();
    });
    smtp = await startSmtpReceiver();
    handle = await openTempSqlite();
    client = createHttpClient({ isUnsafeAllowed: false });
  });

  afterEach(async () => {
    await service?.stop();
    service = undefined;
    await client.close();
    await Promise.all([target.close(), webhook.close(), smtp.close(), handle.dispose()]);
  });

  function start(monitorOverrides: Record<string, unknown> = {}, channelOverrides: Record<string, unknown> = {}) {
    const credentials = [{ name: 'ops', headers: { Authorization: 'Bearer s3cr3t-token-value' }, scopes: [] }];
    const monitor = monitorSchema.parse({
      name: 'api',
      url: `${target.url}/health`,
      interval: '1s',
      timeout: '2s',
      retries: 1,
      credential: 'ops',
      assert: { status: 200, latency: '< 5s', headers: { 'content-type': 'json' }, json: [{ path: '$.status', equals: 'ok' }] },
      ...monitorOverrides,
    });
    const channels = [
      alertChannelSchema.parse({ name: 'hook', type: 'webhook', url: `${webhook.url}/alerts`, quietPeriod: 0, retries: 5, ...channelOverrides }),
      alertChannelSchema.parse({ name: 'slack', type: 'slack', url: `${webhook.url}/slack`, quietPeriod: 0, ...channelOverrides }),
      alertChannelSchema.parse({ name: 'mail', type: 'email', smtp: { host: '127.0.0.1', port: smtp.port }, from: 'faultline@example.test', to: 'ops@example.test', quietPeriod: 0 }),
    ];
    service = new MonitorService({
      store: handle.store,
      client,
      alertClient: client,
      redactor: new Redactor(secretsFromCredentials(credentials)),
      credentials,
      channels,
      logger: memoryLogger(logs),
      alertRetryDelayMs: 50,
    });
    return service.start([monitor]);
  }

  const posts = (path: string) => webhook.received.filter((r) => r.url === path);
  const bodies = (path: string) => posts(path).map((r) => JSON.parse(r.body.toString()) as Record<string, unknown>);

  it('alerts once on failure on every channel, never again while it lasts, and once on recovery', async () => {
    await start();
    const monitor = await handle.store.getMonitorByName('api');
    if (!monitor) throw new Error('monitor not stored');
    await until(async () => (await handle.store.listResults({ monitorId: monitor.id })).some((r) => r.ok), 'a passing check');
    healthy = false;
    await until(async () => (await handle.store.listIncidents()).length === 1, 'the incident');
    // The failure lasts two more checks: no second alert on any channel.
    const failuresAtOpen = (await handle.store.listResults({ monitorId: monitor.id })).filter((r) => !r.ok).length;
    await until(async () => (await handle.store.listResults({ monitorId: monitor.id })).filter((r) => !r.ok).length >= failuresAtOpen + 2, 'two more failed checks');
    await service?.alerts.drain();
    expect(posts('/alerts')).toHaveLength(1);
    expect(posts('/slack')).toHaveLength(1);
    expect(smtp.mails).toHaveLength(1);
    healthy = true;
    await until(async () => (await handle.store.listIncidents())[0]?.closedAt !== null, 'recovery');
    await service?.alerts.drain();

    expect(bodies('/alerts').map((b) => b.kind)).toEqual(['failure', 'recovery']);
    expect(bodies('/alerts')[0]).toMatchObject({ schema: 'faultline/alert@1', monitor: 'api', reason: expect.stringContaining('status 503') });
    expect(String(bodies('/slack')[1]?.text)).toContain('api recovered');
    expect(smtp.mails.map((m) => /Subject: (.*)/.exec(m.raw)?.[1])).toEqual([expect.stringContaining('api is DOWN'), expect.stringContaining('api recovered')]);
    expect(smtp.mails[0]?.to).toEqual(['ops@example.test']);
    const deliveries = await handle.store.listAlertDeliveries();
    expect(deliveries.filter((d) => d.ok)).toHaveLength(6);
    expect(deliveries.every((d) => d.incidentId === deliveries[0]?.incidentId)).toBe(true);
    // The credential went to the target but never into the stored history.
    expect(target.received.at(-1)?.headers.authorization).toBe('Bearer s3cr3t-token-value');
    const stored = JSON.stringify(await handle.store.listResults({ monitorId: monitor.id }));
    expect(stored).not.toContain('s3cr3t');
  });

  it('retries an alert receiver that is down and records each failed attempt', async () => {
    webhookUp = false;
    healthy = false;
    await start({ retries: 0 });
    await until(async () => (await handle.store.listAlertDeliveries()).filter((d) => d.channel === 'hook' && !d.ok).length >= 2, 'failed attempts');
    webhookUp = true;
    await until(async () => (await handle.store.listAlertDeliveries()).some((d) => d.channel === 'hook' && d.ok), 'a delivered alert');
    const hook = (await handle.store.listAlertDeliveries()).filter((d) => d.channel === 'hook').reverse();
    expect(hook.slice(0, 2).map((d) => [d.ok, d.result])).toEqual([
      [false, 'HTTP 502'],
      [false, 'HTTP 502'],
    ]);
    expect(hook.filter((d) => d.ok)).toHaveLength(1);
    expect(logs.some((l) => l.message === 'alert not delivered, will retry' && l.fields?.channel === 'hook')).toBe(true);
  });

  it('suppresses the alerts of a monitor that fails again within the quiet period after recovering', async () => {
    await start({ retries: 0 }, { quietPeriod: '1h' });
    const monitor = await handle.store.getMonitorByName('api');
    if (!monitor) throw new Error('monitor not stored');
    healthy = false;
    await until(async () => (await handle.store.listIncidents()).length === 1, 'first incident');
    healthy = true;
    await until(async () => (await handle.store.listIncidents())[0]?.closedAt !== null, 'first recovery');
    healthy = false;
    await until(async () => (await handle.store.listIncidents()).length === 2, 'second incident');
    healthy = true;
    await until(async () => (await handle.store.listIncidents())[0]?.closedAt !== null, 'second recovery');
    await service?.alerts.drain();
    expect(bodies('/alerts').map((b) => b.kind)).toEqual(['failure', 'recovery']);
    const second = (await handle.store.listIncidents())[0];
    const suppressed = await handle.store.listAlertDeliveries({ incidentId: second?.id ?? -1 });
    expect(suppressed.filter((d) => d.channel === 'hook').every((d) => d.result.startsWith('suppressed: flapping'))).toBe(true);
  });

  it('fails a check whose target hangs at its timeout and goes on checking on schedule', async () => {
    const hanging = await startTestServer(() => new Promise(() => {}));
    try {
      await start({ url: `${hanging.url}/slow`, timeout: '300ms', retries: 0 });
      const monitor = await handle.store.getMonitorByName('api');
      if (!monitor) throw new Error('monitor not stored');
      await until(async () => (await handle.store.listResults({ monitorId: monitor.id })).length >= 2, 'two checks');
      const [latest] = await handle.store.listResults({ monitorId: monitor.id });
      expect(latest).toMatchObject({ ok: false, status: null });
      expect(latest?.error).toMatch(/reachable: TIMEOUT/);
    } finally {
      await service?.stop();
      service = undefined;
      await hanging.close();
    }
  });
});
