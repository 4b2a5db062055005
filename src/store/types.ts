import type { CauseId } from '../core/causes.js';

/**
 * The one storage interface `serve` writes through. Two backends implement it (SQLite through
 * better-sqlite3, PostgreSQL through pg), both via Kysely and the same numbered migrations; the same
 * contract test runs against both. Times are milliseconds since the epoch everywhere, so both
 * dialects store and compare plain integers.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';

  /** Create or update a monitor by name (config monitors are upserted at every start). */
  upsertMonitor(input: MonitorInput): Promise<MonitorRecord>;
  getMonitor(id: number): Promise<MonitorRecord | undefined>;
  getMonitorByName(name: string): Promise<MonitorRecord | undefined>;
  listMonitors(): Promise<MonitorRecord[]>;
  updateMonitor(id: number, input: Partial<MonitorInput>): Promise<MonitorRecord | undefined>;
  deleteMonitor(id: number): Promise<boolean>;

  addResult(input: CheckResultInput): Promise<CheckResultRecord>;
  /** Newest first. */
  listResults(query: { monitorId: number; since?: number; limit?: number }): Promise<CheckResultRecord[]>;
  /** Counts of ok and failed results since a time, for uptime percentages. */
  countResults(query: { monitorId: number; since: number }): Promise<{ ok: number; failed: number }>;
  /**
   * Results counted per day from `from` (a UTC midnight) on, oldest first; days without results are
   * absent. Aggregated in the database, so a 90-day bar reads 90 rows, not every result.
   */
  dailyCounts(query: { monitorId: number; from: number }): Promise<DayCount[]>;
  /**
   * Response times between `from` and `to` cut into `buckets` equal spans, each with its count, failures
   * and p50/p95/p99 (nearest rank), computed in the database; empty spans are absent. A chart of any
   * range sends at most `buckets` points however many results it covers.
   */
  latencySeries(query: { monitorId: number; from: number; to: number; buckets: number }): Promise<LatencyBucket[]>;

  /**
   * Open an incident unless the monitor has one open already, atomically (a unique index on open
   * incidents): of two workers opening at once, one gets `created: true`, the other the same incident
   * with `created: false`, so only one of them alerts.
   */
  openIncident(input: { monitorId: number; openedAt: number; reason: string; failures: number }): Promise<{ incident: IncidentRecord; created: boolean }>;
  /** Close an open incident; undefined when it is unknown or already closed (another worker closed it). */
  closeIncident(id: number, closedAt: number): Promise<IncidentRecord | undefined>;
  openIncidentFor(monitorId: number): Promise<IncidentRecord | undefined>;
  /** Set or clear (null) what the public status page says about an incident; undefined when it is unknown. */
  setIncidentNote(id: number, note: string | null): Promise<IncidentRecord | undefined>;
  /** Newest first. */
  listIncidents(query?: { monitorId?: number; limit?: number }): Promise<IncidentRecord[]>;

  addAlertDelivery(input: AlertDeliveryInput): Promise<AlertDeliveryRecord>;
  /** Newest first. */
  listAlertDeliveries(query?: { monitorId?: number; incidentId?: number; subject?: string; limit?: number }): Promise<AlertDeliveryRecord[]>;

  /** Alert channels added from the dashboard, by name. */
  listAlertChannels(): Promise<AlertChannelRecord[]>;
  createAlertChannel(input: { name: string; definition: unknown; createdAt: number }): Promise<AlertChannelRecord>;
  updateAlertChannel(id: number, input: { name: string; definition: unknown; updatedAt: number }): Promise<AlertChannelRecord | undefined>;
  deleteAlertChannel(id: number): Promise<boolean>;

  /** Maintenance windows planned from the dashboard, oldest first. */
  listMaintenanceWindows(): Promise<{ id: number; definition: unknown; createdAt: number }[]>;
  addMaintenanceWindow(input: { definition: unknown; createdAt: number }): Promise<{ id: number; definition: unknown; createdAt: number }>;
  deleteMaintenanceWindow(id: number): Promise<boolean>;

  addReport(input: StoredReportInput): Promise<StoredReportRecord>;
  getReport(id: number): Promise<StoredReportRecord | undefined>;
  /** Newest first, without the report body (the list is for charts and tables). */
  listReports(query?: { monitorName?: string; limit?: number }): Promise<StoredReportSummary[]>;

  createUser(input: { username: string; passwordHash: string; role: Role; createdAt: number }): Promise<UserRecord>;
  getUserByName(username: string): Promise<UserRecord | undefined>;
  getUser(id: number): Promise<UserRecord | undefined>;
  countUsers(): Promise<number>;

  createSession(input: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | undefined>;
  deleteSession(idHash: string): Promise<void>;
  deleteExpiredSessions(now: number): Promise<number>;

  createApiToken(input: { userId: number; name: string; tokenHash: string; createdAt: number }): Promise<ApiTokenRecord>;
  getApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
  listApiTokens(userId: number): Promise<ApiTokenRecord[]>;
  deleteApiToken(id: number): Promise<boolean>;

  /** Apply the retention setting; returns how many results were deleted. */
  prune(retention: Retention, now: number): Promise<number>;
  /** True when a trivial query succeeds (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type Role = 'admin' | 'viewer';

export interface Retention {
  /** Delete results older than this many days. */
  readonly maxAgeDays?: number;
  /** Keep at most this many results per monitor (newest kept). */
  readonly maxPerMonitor?: number;
}

export interface MonitorInput {
  readonly name: string;
  /** The monitor definition as validated by the config schema, stored as JSON. */
  readonly definition: unknown;
  readonly source: 'config' | 'api';
  readonly enabled?: boolean;
}

export interface MonitorRecord {
  readonly id: number;
  readonly name: string;
  readonly definition: unknown;
  readonly source: 'config' | 'api';
  readonly enabled: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface CheckResultInput {
  readonly monitorId: number;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly ok: boolean;
  readonly status: number | null;
  readonly error: string | null;
  /** How late the check started against its schedule. */
  readonly lagMs: number;
  /** Assertion outcomes and other per-check detail (already redacted). */
  readonly detail: unknown;
}

export interface CheckResultRecord extends CheckResultInput {
  readonly id: number;
}

export interface DayCount {
  /** The day's UTC midnight. */
  readonly day: number;
  readonly ok: number;
  readonly failed: number;
}

export interface LatencyBucket {
  /** Start of the bucket's span. */
  readonly at: number;
  readonly count: number;
  readonly failed: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export interface IncidentRecord {
  readonly id: number;
  readonly monitorId: number;
  readonly openedAt: number;
  readonly closedAt: number | null;
  readonly reason: string;
  readonly failures: number;
  /** Written for the public status page; the reason stays internal. */
  readonly publicNote: string | null;
}

export type AlertKind = 'failure' | 'recovery' | 'permission-change';

export interface AlertDeliveryInput {
  readonly monitorId: number;
  readonly incidentId: number | null;
  /** What an alert without an incident is about, e.g. 'permission:42:DELETE /products/{id}:reader'. */
  readonly subject?: string | null;
  readonly channel: string;
  readonly kind: AlertKind;
  readonly at: number;
  readonly attempt: number;
  readonly ok: boolean;
  /** Receiver's answer, e.g. 'HTTP 200' or '250 OK', or the error. */
  readonly result: string;
}

export interface AlertDeliveryRecord extends AlertDeliveryInput {
  readonly id: number;
}

export interface AlertChannelRecord {
  readonly id: number;
  readonly name: string;
  /** The channel as the config schema validates it, secrets included. */
  readonly definition: unknown;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type Scorecard = Partial<Record<CauseId, number>>;

export interface StoredReportInput {
  /** The scheduled run's name (a monitor of kind audit/lint), or null for ad hoc runs. */
  readonly monitorName: string | null;
  readonly kind: 'audit' | 'lint';
  readonly createdAt: number;
  /** The report JSON (faultline/report@1), already redacted. */
  readonly report: unknown;
  readonly scorecard: Scorecard;
  readonly findings: number;
}

export interface StoredReportSummary {
  readonly id: number;
  readonly monitorName: string | null;
  readonly kind: 'audit' | 'lint';
  readonly createdAt: number;
  readonly scorecard: Scorecard;
  readonly findings: number;
}

export interface StoredReportRecord extends StoredReportSummary {
  readonly report: unknown;
}

export interface UserRecord {
  readonly id: number;
  readonly username: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly createdAt: number;
}

export interface SessionRecord {
  /** SHA-256 of the session id; the id itself lives only in the cookie. */
  readonly idHash: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface ApiTokenRecord {
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  readonly tokenHash: string;
  readonly createdAt: number;
}
