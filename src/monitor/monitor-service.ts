import type { AlertChannelConfig, Credential, MonitorConfig } from '../config/schema.js';
import { alertChannelSchema, monitorSchema } from '../config/schema.js';
import type { Report } from '../core/finding.js';
import type { PermissionMatrix } from '../core/permission-matrix.js';
import type { Logger } from '../core/logger.js';
import type { Redactor } from '../core/redact.js';
import type { HttpClient } from '../http/types.js';
import type { CheckResultInput, MonitorRecord, Store } from '../store/types.js';
import { AlertDispatcher } from './alert-dispatcher.js';
import { runHttpCheck, monitorRequestTarget } from './http-check.js';
import type { CheckOutcome, HttpCheckContext } from './http-check.js';
import { IncidentTracker } from './incidents.js';
import type { MaintenanceCalendar } from './maintenance.js';
import { storeReport } from './stored-report.js';
import { baselineBefore, permissionAlerts, storedMatrix } from './permission-changes.js';
import { cronSchedule, intervalSchedule } from './schedule.js';
import type { Schedule } from './schedule.js';

/** What listeners (metrics, the dashboard's live view, tests) hear after every check. */
export interface CheckEvent {
  readonly monitor: MonitorRecord;
  readonly config: MonitorConfig;
  readonly outcome: CheckOutcome;
  readonly startedAt: number;
  readonly lagMs: number;
  /** Cells of the run's permission matrix judged violation (runs whose report carries a matrix). */
  readonly permissionViolations?: number;
}

/** Produces the report of a scheduled audit or lint run; the CLI wires it to the engine. */
export type ReportRunner = (monitor: MonitorConfig) => Promise<Report>;

export interface MonitorServiceOptions {
  readonly store: Store;
  /** Client for checks (the safety guard stays on). */
  readonly client: HttpClient;
  /** Client for alert webhooks (POSTs to configured receivers). */
  readonly alertClient: HttpClient;
  readonly redactor: Redactor;
  readonly credentials: readonly Credential[];
  readonly target?: string;
  /** The spec, for conformance assertions. */
  readonly spec?: HttpCheckContext['spec'];
  readonly channels: readonly AlertChannelConfig[];
  readonly logger: Logger;
  readonly runReport?: ReportRunner;
  readonly alertRetryDelayMs?: number;
  /** How soon to try the store again after it refused a write. Default 2000 ms. */
  readonly storeRetryMs?: number;
  /** On stop, how long to keep trying a store that refuses the waiting results. Default 10 000 ms. */
  readonly stopGraceMs?: number;
  readonly now?: () => number;
  /** Workers sharing checks: slots on the epoch grid (the same in every process), streaks counted from the store. */
  readonly shared?: boolean;
  /** Maintenance windows: checks go on and are stored, incidents and alerts are held. */
  readonly maintenance?: MaintenanceCalendar;
}

/** Hands a planned check to a queue instead of running it here (BullMQ across workers). */
export type CheckDispatch = (monitorId: number, plannedAt: number) => Promise<void>;

interface Running {
  record: MonitorRecord;
  config: MonitorConfig;
  schedule: Schedule;
  tracker: IncidentTracker;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  stopped: boolean;
}

const defaultIntervalMs = 60_000;
const maxPending = 100_000;

/**
 * The `serve` domain: keeps every enabled monitor on its schedule, stores each result, opens and
 * closes incidents and hands transitions to the alert dispatcher. Results the store refused (file
 * read-only, database restarting) wait in memory and are written when the store is back.
 */
export class MonitorService {
  readonly alerts: AlertDispatcher;
  private readonly running = new Map<number, Running>();
  private readonly listeners = new Set<(event: CheckEvent) => void>();
  private readonly pending: CheckResultInput[] = [];
  private storeHealthy = true;
  private flushing: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private dispatch: CheckDispatch | undefined;

  constructor(private readonly options: MonitorServiceOptions) {
    this.alerts = new AlertDispatcher({
      store: options.store,
      client: options.alertClient,
      channels: options.channels,
      logger: options.logger.child({ component: 'alerts' }),
      ...(options.alertRetryDelayMs !== undefined ? { retryDelayMs: options.alertRetryDelayMs } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  }

  /** Results waiting for the store, and whether its last write worked (shown by /readyz and the dashboard). */
  get storeStatus(): { healthy: boolean; pendingResults: number } {
    return { healthy: this.storeHealthy, pendingResults: this.pending.length };
  }

  /** Send planned checks to a queue; the queue's consumer calls runQueued(). */
  setDispatch(dispatch: CheckDispatch | undefined): void {
    this.dispatch = dispatch;
  }

  /** Run a check a queue handed over (planned by this or another process). */
  async runQueued(monitorId: number, plannedAt: number): Promise<void> {
    const entry = this.running.get(monitorId);
    if (!entry) return; // deleted or disabled since it was planned
    await this.runOnce(entry, plannedAt);
  }

  onCheck(listener: (event: CheckEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Upsert the config's monitors into the store, then start every enabled monitor in the store. */
  async start(configMonitors: readonly MonitorConfig[]): Promise<void> {
    for (const monitor of configMonitors) await this.options.store.upsertMonitor({ name: monitor.name, definition: monitor, source: 'config', enabled: monitor.enabled });
    await this.sync();
  }

  /** Bring the running set in line with the store (after the API created, edited or deleted a monitor). */
  /** Read the alert channels added from the dashboard, so the next alert and test use what is stored. */
  async syncChannels(): Promise<void> {
    const channels: AlertChannelConfig[] = [];
    for (const record of await this.options.store.listAlertChannels()) {
      const parsed = alertChannelSchema.safeParse(record.definition);
      if (parsed.success) channels.push(parsed.data);
      else this.options.logger.warn('alert channel definition is invalid, not used', { channel: record.name, reason: parsed.error.message });
    }
    this.alerts.setStoredChannels(channels);
  }

  async sync(): Promise<void> {
    await this.syncChannels();
    const records = await this.options.store.listMonitors();
    const seen = new Set<number>();
    for (const record of records) {
      const parsed = monitorSchema.safeParse(record.definition);
      if (!parsed.success) {
        this.options.logger.warn('monitor definition is invalid, not scheduled', { monitor: record.name, reason: parsed.error.message });
        continue;
      }
      if (!record.enabled || !parsed.data.enabled) continue;
      seen.add(record.id);
      const current = this.running.get(record.id);
      if (current && current.record.updatedAt === record.updatedAt) continue;
      if (current) this.stopOne(current);
      this.startOne(record, parsed.data);
    }
    for (const [id, entry] of this.running) if (!seen.has(id)) this.stopOne(entry);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const entry of this.running.values()) this.stopOne(entry);
    await Promise.allSettled([...this.running.values()].map((entry) => entry.running));
    this.running.clear();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.flushPending();
    // A stop during an outage (a restart of serve while the database restarts too) would otherwise drop
    // every waiting result; give the store a bounded while to come back.
    const grace = this.options.stopGraceMs ?? 10_000;
    if (this.pending.length > 0 && grace > 0) {
      this.options.logger.warn('stopping: the store still refuses waiting results; retrying before giving up', { pendingResults: this.pending.length, graceMs: grace });
      const deadline = Date.now() + grace;
      while (this.pending.length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(this.options.storeRetryMs ?? 2000, Math.max(0, deadline - Date.now()))));
        await this.flushPending();
      }
    }
    if (this.pending.length > 0) this.options.logger.error('stopping with results the store did not take', { pendingResults: this.pending.length });
    await this.alerts.close();
  }

  private startOne(record: MonitorRecord, config: MonitorConfig): void {
    const now = (this.options.now ?? Date.now)();
    const schedule = config.cron ? cronSchedule(config.cron) : intervalSchedule(config.interval ?? defaultIntervalMs, this.options.shared ? 0 : now);
    const entry: Running = {
      record,
      config,
      schedule,
      tracker: new IncidentTracker(this.options.store, record.id, { retries: config.retries, recoverAfter: config.recoverAfter }, this.options.shared ?? false),
      timer: undefined,
      running: undefined,
      stopped: false,
    };
    this.running.set(record.id, entry);
    this.plan(entry, schedule.next(now));
  }

  private stopOne(entry: Running): void {
    entry.stopped = true;
    if (entry.timer) clearTimeout(entry.timer);
    this.running.delete(entry.record.id);
  }

  private plan(entry: Running, at: number): void {
    if (entry.stopped || this.stopped) return;
    const delay = Math.max(0, at - Date.now());
    entry.timer = setTimeout(() => {
      const work = this.dispatch
        ? this.dispatch(entry.record.id, at).catch((error: unknown) => {
            this.options.logger.error('could not queue a check; running it here', { monitor: entry.record.name, reason: error instanceof Error ? error.message : String(error) });
            return this.runOnce(entry, at);
          })
        : this.runOnce(entry, at);
      entry.running = work.finally(() => {
        entry.running = undefined;
        // A check that overran its slot skips the missed slots instead of running back to back.
        this.plan(entry, entry.schedule.next(Math.max(Date.now(), at + 1)));
      });
    }, delay);
    entry.timer.unref?.();
  }

  /** Run one check now (also used by tests and the API's "check now"). */
  async runOnce(entry: Running, plannedAt: number): Promise<void> {
    const startedAt = Date.now();
    const lagMs = Math.max(0, startedAt - plannedAt);
    let outcome: CheckOutcome;
    let permissionViolations: number | undefined;
    try {
      if (entry.config.kind === 'http') outcome = await runHttpCheck(entry.config, this.options);
      else if (this.options.runReport) ({ outcome, permissionViolations } = await this.runReportCheck(entry, startedAt));
      else outcome = { ok: false, status: null, durationMs: 0, error: `${entry.config.kind} runs are not available in this process`, detail: { url: '', assertions: [] } };
    } catch (error) {
      outcome = { ok: false, status: null, durationMs: Date.now() - startedAt, error: this.options.redactor.text(error instanceof Error ? error.message : String(error)), detail: { url: '', assertions: [] } };
    }
    await this.save({ monitorId: entry.record.id, startedAt, durationMs: outcome.durationMs, ok: outcome.ok, status: outcome.status, error: outcome.error, lagMs, detail: outcome.detail });
    for (const listener of this.listeners) listener({ monitor: entry.record, config: entry.config, outcome, startedAt, lagMs, ...(permissionViolations !== undefined ? { permissionViolations } : {}) });
    // In a maintenance window the result is kept but does not count towards an incident, so nothing is
    // alerted; a monitor still failing once the window ends opens its incident after `retries` as usual.
    if (this.options.maintenance?.activeFor({ name: entry.record.name, group: entry.config.group }, startedAt)) return;
    try {
      const transition = await entry.tracker.record({ ok: outcome.ok, at: startedAt, error: outcome.error });
      if (transition) {
        this.options.logger[transition.type === 'opened' ? 'warn' : 'info'](transition.type === 'opened' ? 'incident opened' : 'incident closed', {
          monitor: entry.record.name,
          incident: transition.incident.id,
          reason: transition.incident.reason,
        });
        this.alerts.notify(
          {
            kind: transition.type === 'opened' ? 'failure' : 'recovery',
            monitor: entry.record.name,
            incidentId: transition.incident.id,
            openedAt: new Date(transition.incident.openedAt).toISOString(),
            closedAt: transition.incident.closedAt === null ? null : new Date(transition.incident.closedAt).toISOString(),
            reason: transition.incident.reason,
            url: entry.config.kind === 'http' ? this.options.redactor.url(safeTargetUrl(entry.config, this.options.target)) : null,
            at: new Date(startedAt).toISOString(),
          },
          entry.record.id,
          entry.config.alerts,
        );
      }
    } catch (error) {
      this.options.logger.error('could not update incidents', { monitor: entry.record.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  private async runReportCheck(entry: Running, startedAt: number): Promise<{ outcome: CheckOutcome; permissionViolations?: number }> {
    const { config } = entry;
    const report = await (this.options.runReport as ReportRunner)(config);
    const stored = await storeReport(this.options.store, this.options.redactor, config.name, report);
    const assertions = [{ assertion: `${report.kind} report`, ok: true, detail: `report #${stored.id}: ${stored.findings} findings` }];
    const matrix = storedMatrix(stored.report);
    if (matrix) assertions.push({ assertion: 'permission matrix', ok: true, detail: await this.alertPermissionChanges(entry, stored.id, matrix) });
    // A report run fails as a check only when it could not run; its findings are the report's business.
    return {
      outcome: { ok: true, status: null, durationMs: Date.now() - startedAt, error: null, detail: { url: report.target ?? '', assertions } },
      ...(matrix ? { permissionViolations: matrix.rows.reduce((sum, row) => sum + Object.values(row.cells).filter((cell) => cell.verdict === 'violation').length, 0) } : {}),
    };
  }

  /** Compare the run's matrix with the monitor's earlier runs, alert each change, and say what changed. */
  private async alertPermissionChanges(entry: Running, reportId: number, matrix: PermissionMatrix): Promise<string> {
    try {
      const baseline = await baselineBefore(this.options.store, entry.config.name, reportId);
      if (!baseline) return 'first run with a permission matrix: nothing to compare with';
      const alerts = permissionAlerts(entry.config.name, baseline, matrix, reportId, Date.now());
      for (const alert of alerts) {
        this.options.logger[alert.isRegression ? 'warn' : 'info']('permission cell changed verdict', { monitor: entry.config.name, operation: alert.operation, role: alert.role, from: alert.from, to: alert.to, status: alert.status });
        this.alerts.notify(alert, entry.record.id, entry.config.alerts);
      }
      return alerts.length === 0 ? 'no cell changed to or from violation, over-denied or error' : alerts.map((a) => a.sentence).join('; ');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.options.logger.error('could not compare the permission matrix with earlier runs', { monitor: entry.config.name, reason });
      return `not compared with earlier runs: ${reason}`;
    }
  }

  private async save(result: CheckResultInput): Promise<void> {
    this.pending.push(result);
    await this.flushPending();
  }

  /** Write waiting results oldest first; one writer at a time, so a slow store never gets a result twice. */
  private flushPending(): Promise<void> {
    this.flushing ??= this.writePending().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    while (this.pending.length > 0) {
      const next = this.pending[0];
      if (!next) break;
      try {
        await this.options.store.addResult(next);
        this.pending.shift();
        if (!this.storeHealthy) this.options.logger.info('store writable again; waiting results written', { pendingResults: this.pending.length });
        this.storeHealthy = true;
      } catch (error) {
        if (this.storeHealthy) {
          this.options.logger.error('store refused a result; keeping it in memory and retrying', {
            reason: error instanceof Error ? error.message : String(error),
            pendingResults: this.pending.length,
          });
        }
        this.storeHealthy = false;
        // Bounded: a store down for days must not take the process with it.
        if (this.pending.length > maxPending) {
          const dropped = this.pending.splice(0, this.pending.length - maxPending).length;
          this.options.logger.error('dropped the oldest waiting results', { dropped });
        }
        if (!this.stopped && !this.retryTimer) {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            void this.flushPending();
          }, this.options.storeRetryMs ?? 2000);
          this.retryTimer.unref?.();
        }
        return;
      }
    }
  }
}

function safeTargetUrl(config: MonitorConfig, target: string | undefined): string {
  try {
    return monitorRequestTarget(config, target).url;
  } catch {
    return '';
  }
}
