import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { allChecks } from '../../checks/registry.js';
import type { Check } from '../../checks/types.js';
import { discoverConfig, loadConfig } from '../../config/load-config.js';
import type { FaultlineConfig, MonitorConfig } from '../../config/schema.js';
import { FaultlineError } from '../../core/errors.js';
import type { Report } from '../../core/finding.js';
import type { Logger } from '../../core/logger.js';
import { Redactor, secretsFromCredentials } from '../../core/redact.js';
import { finalReport } from '../../engine/events.js';
import { runLint } from '../../engine/lint-runner.js';
import { selectChecks } from '../../engine/select.js';
import { createHttpClient } from '../../http/client.js';
import { createMonitorMetrics } from '../../monitor/metrics.js';
import { startCheckQueue } from '../../monitor/distributed.js';
import { MaintenanceCalendar } from '../../monitor/maintenance.js';
import { MonitorService } from '../../monitor/monitor-service.js';
import { validateCron } from '../../monitor/schedule.js';
import { buildServer } from '../../server/app.js';
import { ensureAdmin } from '../../server/auth.js';
import { openStore } from '../../store/open-store.js';
import type { Retention } from '../../store/types.js';
import { loadSpec } from '../../spec/load.js';
import { createSchemaValidator } from '../../spec/schema-validator.js';
import { runAuditFromInput } from './audit.js';

interface ServeFlags {
  config?: string;
  db: string;
  listen: string;
  retentionDays?: string;
  retentionPerMonitor?: string;
  trustProxy: boolean;
  role?: string;
  redis?: string;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('watch APIs on a schedule: history, incidents, alerts, Prometheus metrics and a dashboard')
    .option('-c, --config <file>', 'faultline.yaml with monitors, alerts, credentials (default: ./faultline.yaml when present)')
    .option('--db <url>', 'sqlite:./faultline.db or postgres://user@host:port/db', 'sqlite:./faultline.db')
    .option('--listen <host:port>', 'where the dashboard, API and /metrics listen', '127.0.0.1:8080')
    .option('--retention-days <n>', 'delete check results older than this many days')
    .option('--retention-per-monitor <n>', 'keep at most this many check results per monitor')
    .option('--trust-proxy', 'behind a TLS-terminating proxy: trust X-Forwarded-Proto/-For', false)
    .option('--role <role>', 'all (checks + dashboard + API) or worker (checks only, shared through --redis)', 'all')
    .option('--redis <url>', 'share checks with other serve processes through BullMQ on this Redis (each check runs once)')
    .action(async (options: ServeFlags) => {
      const handle = await startServe(options);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await handle.close();
    });
}

/** Start everything `serve` runs; returns the address and a close() that stops it in order. */
export async function startServe(options: ServeFlags): Promise<{ url: string; close(): Promise<void> }> {
  const configFile = options.config ?? discoverConfig(process.cwd());
  const loaded = configFile ? await loadConfig(configFile) : undefined;
  const config: FaultlineConfig | undefined = loaded?.config;
  const monitors = config?.monitors ?? [];
  checkMonitors(monitors, config, loaded?.file);
  const [host = '127.0.0.1', portText = '8080'] = splitHostPort(options.listen);
  const retention: Retention = {
    ...(options.retentionDays !== undefined ? { maxAgeDays: positive(options.retentionDays, '--retention-days') } : {}),
    ...(options.retentionPerMonitor !== undefined ? { maxPerMonitor: positive(options.retentionPerMonitor, '--retention-per-monitor') } : {}),
  };

  const role = options.role ?? 'all';
  if (role !== 'all' && role !== 'worker') throw new FaultlineError('E_USAGE', `--role must be all or worker (got '${role}')`, { location: { field: '--role' } });
  if (role === 'worker' && !options.redis) throw new FaultlineError('E_USAGE', 'a worker needs --redis redis://host:port to share checks', { location: { field: '--redis' } });
  const logger = jsonLogger({ role });
  const store = await openStore(options.db);
  // What started so far, closed in reverse when a later step fails, so a failed start leaves no pool,
  // schedule or socket holding the process open.
  const started: (() => Promise<unknown> | unknown)[] = [() => store.close()];
  try {
    const admin = await atStart('creating the admin user', () => ensureAdmin(store, process.env.FAULTLINE_ADMIN_PASSWORD));
    if (admin.password) process.stderr.write(`faultline: first start: sign in as admin with the one-time password ${admin.password}\n`);
    const credentials = config?.credentials ?? [];
    const redactor = new Redactor(secretsFromCredentials(credentials));
    const client = createHttpClient({ isUnsafeAllowed: false, maxBodyBytes: 256 * 1024 });
    // Alert receivers are configured by the operator, so POSTs to them are allowed off-loopback.
    const alertClient = createHttpClient({ isUnsafeAllowed: true, maxBodyBytes: 64 * 1024 });
    started.push(() => Promise.all([client.close(), alertClient.close()]));
    const needsSpec = monitors.some((m) => m.assert.conformance);
    if (needsSpec && !loaded?.specSource) throw new FaultlineError('E_CONFIG_INVALID', 'a monitor asserts conformance but the config has no `spec`', { location: { ...(loaded ? { file: loaded.file } : {}), field: 'spec' } });
    const specModel = needsSpec && loaded?.specSource ? await loadSpec(loaded.specSource) : undefined;
    const maintenance = new MaintenanceCalendar(config?.maintenance ?? []);
    const service = new MonitorService({
      store,
      client,
      alertClient,
      redactor,
      credentials,
      ...(config?.target ? { target: config.target } : {}),
      ...(specModel ? { spec: { model: specModel, validator: createSchemaValidator(specModel) } } : {}),
      channels: config?.alerts ?? [],
      logger: logger.child({ component: 'monitor' }),
      runReport: (monitor) => runScheduledReport(monitor, loaded?.specSource, config),
      shared: options.redis !== undefined,
      maintenance,
    });
    started.push(() => service.stop());
    const queue = options.redis ? await startCheckQueue({ redisUrl: options.redis, service, logger: logger.child({ component: 'queue' }) }) : undefined;
    if (queue) started.push(() => queue.close());
    const metrics = createMonitorMetrics(service);
    started.push(() => metrics.detach());
    const dashboard = readDashboard();
    const app = await buildServer({ store, service, metrics, maintenance, trustProxy: options.trustProxy, ...(dashboard ? { dashboard } : {}), ...(config ? { statusPage: config.statusPage } : {}) });
    started.push(() => app.close());
    await atStart('storing the config monitors', () => service.start(monitors));
    const prune = async () => {
      if (retention.maxAgeDays === undefined && retention.maxPerMonitor === undefined) return;
      try {
        const deleted = await store.prune(retention, Date.now());
        if (deleted > 0) logger.info('retention pruned results', { deleted });
      } catch (error) {
        logger.warn('retention prune failed', { reason: error instanceof Error ? error.message : String(error) });
      }
    };
    await prune();
    const pruneTimer = setInterval(() => void prune(), 3_600_000);
    pruneTimer.unref();
    started.push(() => clearInterval(pruneTimer));
    const address = role === 'worker' ? `worker:${options.redis}` : await app.listen({ host, port: Number(portText) });
    process.stderr.write(`faultline: serve ${role === 'worker' ? 'worker sharing checks through' : 'on'} ${address} (${store.dialect}, ${monitors.length} monitors from config)\n`);
    return {
      url: address,
      async close() {
        clearInterval(pruneTimer);
        await app.close();
        await queue?.close();
        await service.stop();
        metrics.detach();
        await Promise.all([client.close(), alertClient.close()]);
        await store.close();
      },
    };
  } catch (error) {
    for (const close of started.reverse()) await Promise.resolve(close()).catch(() => {});
    throw error;
  }
}

/**
 * A database failure in a start-up step after the store opened (PostgreSQL going away in those first
 * seconds, say) is the database's doing: E_STORE and exit 2, like a database that cannot be opened.
 */
async function atStart<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof FaultlineError) throw error;
    throw new FaultlineError('E_STORE', `the database failed while ${what}: ${error instanceof Error ? error.message : String(error)}`, { location: { field: '--db' }, cause: error });
  }
}

async function runScheduledReport(monitor: MonitorConfig, specSource: string | undefined, config: FaultlineConfig | undefined): Promise<Report> {
  if (!specSource) throw new Error(`monitor ${monitor.name}: a ${monitor.kind} run needs \`spec\` in the config`);
  if (monitor.kind === 'lint') {
    const spec = await loadSpec(specSource);
    return finalReport(runLint(spec, allChecks.filter((c): c is Check<'lint'> => c.kind === 'lint')));
  }
  if (!config?.target) throw new Error(`monitor ${monitor.name}: an audit run needs \`target\` in the config`);
  return runAuditFromInput({
    specSource,
    target: config.target,
    roles: config.credentials,
    budget: config.budget,
    only: monitor.only ?? [],
    skip: monitor.skip ?? [],
    isUnsafe: false,
    isExposureProbing: true,
    allowRemoteRefs: false,
  });
}

function checkMonitors(monitors: readonly MonitorConfig[], config: FaultlineConfig | undefined, file: string | undefined): void {
  config?.maintenance.forEach((window, i) => {
    if (window.cron === undefined) return;
    try {
      validateCron(window.cron);
    } catch (error) {
      throw new FaultlineError('E_CONFIG_INVALID', `not a cron expression: ${error instanceof Error ? error.message : String(error)}`, { location: { ...(file ? { file } : {}), field: `maintenance[${i}].cron` } });
    }
  });
  const names = new Set<string>();
  monitors.forEach((monitor, i) => {
    const field = `monitors[${i}]`;
    if (names.has(monitor.name)) throw new FaultlineError('E_CONFIG_INVALID', `monitor name '${monitor.name}' is used twice`, { location: { ...(file ? { file } : {}), field: `${field}.name` } });
    names.add(monitor.name);
    if (monitor.credential && !config?.credentials.some((c) => c.name === monitor.credential)) {
      throw new FaultlineError('E_CONFIG_INVALID', `no credential named '${monitor.credential}'`, { location: { ...(file ? { file } : {}), field: `${field}.credential` } });
    }
    for (const channel of monitor.alerts ?? []) {
      if (!config?.alerts.some((a) => a.name === channel)) throw new FaultlineError('E_CONFIG_INVALID', `no alert channel named '${channel}'`, { location: { ...(file ? { file } : {}), field: `${field}.alerts` } });
    }
    for (const key of ['only', 'skip'] as const) {
      try {
        selectChecks(allChecks, { [key]: monitor[key] ?? [] });
      } catch (error) {
        throw new FaultlineError('E_CONFIG_INVALID', error instanceof Error ? error.message : String(error), { location: { ...(file ? { file } : {}), field: `${field}.${key}` } });
      }
    }
    if (monitor.cron) {
      try {
        validateCron(monitor.cron);
      } catch (error) {
        throw new FaultlineError('E_CONFIG_INVALID', `not a cron expression: ${error instanceof Error ? error.message : String(error)}`, { location: { ...(file ? { file } : {}), field: `${field}.cron` } });
      }
    }
  });
}

function splitHostPort(value: string): [string, string] {
  const match = /^([^\s:]+|\[[^\]]+\]):(\d{1,5})$/.exec(value);
  if (!match) throw new FaultlineError('E_USAGE', `expected host:port, e.g. 127.0.0.1:8080 (got '${value}')`, { location: { field: '--listen' } });
  return [match[1] ?? '127.0.0.1', match[2] ?? '8080'];
}

function positive(value: string, field: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new FaultlineError('E_USAGE', `must be a positive whole number (got '${value}')`, { location: { field } });
  return n;
}

/** The dashboard's static files under web/, found from this module whether it runs from src/ or dist/. */
function readDashboard(): { html: string; script: string; statusHtml: string; statusScript: string; barScript: string } | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const html = join(dir, 'web', 'index.html');
    const read = (name: string) => readFileSync(join(dir, 'web', name), 'utf8');
    if (existsSync(html)) return { html: read('index.html'), script: read('app.js'), statusHtml: read('status.html'), statusScript: read('status.js'), barScript: read('uptime-bar.js') };
    dir = dirname(dir);
  }
  return undefined;
}

/** One JSON object a line on stderr: easy to ship to any log store. */
function jsonLogger(bindings: Record<string, unknown>): Logger {
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...bindings, ...fields })}\n`);
  };
  return { debug: () => {}, info: write('info'), warn: write('warn'), error: write('error'), child: (more) => jsonLogger({ ...bindings, ...more }) };
}
