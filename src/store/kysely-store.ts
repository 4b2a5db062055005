import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database, StoreDialect } from './database.js';
import type {
  AlertChannelRecord,
  AlertDeliveryInput,
  AlertDeliveryRecord,
  ApiTokenRecord,
  CheckResultInput,
  CheckResultRecord,
  DayCount,
  IncidentRecord,
  LatencyBucket,
  MonitorInput,
  MonitorRecord,
  Retention,
  Role,
  SessionRecord,
  Store,
  StoredReportInput,
  StoredReportRecord,
  StoredReportSummary,
  UserRecord,
} from './types.js';

const day = 86_400_000;

/** The Store on any Kysely database with the faultline schema; the dialect files only build the Kysely. */
export class KyselyStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: StoreDialect,
  ) {}

  async upsertMonitor(input: MonitorInput): Promise<MonitorRecord> {
    const now = Date.now();
    const existing = await this.getMonitorByName(input.name);
    if (existing) return (await this.updateMonitor(existing.id, input)) ?? existing;
    const row = await this.db
      .insertInto('monitors')
      .values({
        name: input.name,
        definition: JSON.stringify(input.definition ?? null),
        source: input.source,
        enabled: input.enabled === false ? 0 : 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMonitor(row);
  }

  async getMonitor(id: number): Promise<MonitorRecord | undefined> {
    const row = await this.db.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toMonitor(row);
  }

  async getMonitorByName(name: string): Promise<MonitorRecord | undefined> {
    const row = await this.db.selectFrom('monitors').selectAll().where('name', '=', name).executeTakeFirst();
    return row && toMonitor(row);
  }

  async listMonitors(): Promise<MonitorRecord[]> {
    return (await this.db.selectFrom('monitors').selectAll().orderBy('name').execute()).map(toMonitor);
  }

  async updateMonitor(id: number, input: Partial<MonitorInput>): Promise<MonitorRecord | undefined> {
    const row = await this.db
      .updateTable('monitors')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.definition !== undefined ? { definition: JSON.stringify(input.definition) } : {}),
        ...(input.source !== undefined ? { source: input.source } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
        updated_at: Date.now(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toMonitor(row);
  }

  async deleteMonitor(id: number): Promise<boolean> {
    // Children first: SQLite enforces the cascade only with foreign_keys on, so do not rely on it.
    return this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('check_results').where('monitor_id', '=', id).execute();
      await tx.deleteFrom('alert_deliveries').where('monitor_id', '=', id).execute();
      await tx.deleteFrom('incidents').where('monitor_id', '=', id).execute();
      const result = await tx.deleteFrom('monitors').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async addResult(input: CheckResultInput): Promise<CheckResultRecord> {
    const row = await this.db
      .insertInto('check_results')
      .values({
        monitor_id: input.monitorId,
        started_at: input.startedAt,
        duration_ms: input.durationMs,
        ok: input.ok ? 1 : 0,
        status: input.status,
        error: input.error,
        lag_ms: input.lagMs,
        detail: JSON.stringify(input.detail ?? null),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toResult(row);
  }

  async listResults(query: { monitorId: number; since?: number; limit?: number }): Promise<CheckResultRecord[]> {
    let q = this.db.selectFrom('check_results').selectAll().where('monitor_id', '=', query.monitorId);
    if (query.since !== undefined) q = q.where('started_at', '>=', query.since);
    const rows = await q.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(query.limit ?? 1000).execute();
    return rows.map(toResult);
  }

  async countResults(query: { monitorId: number; since: number }): Promise<{ ok: number; failed: number }> {
    const rows = await this.db
      .selectFrom('check_results')
      .select(['ok', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('monitor_id', '=', query.monitorId)
      .where('started_at', '>=', query.since)
      .groupBy('ok')
      .execute();
    let ok = 0;
    let failed = 0;
    for (const row of rows) if (Number(row.ok) === 1) ok += Number(row.n);
    else failed += Number(row.n);
    return { ok, failed };
  }

  async dailyCounts(query: { monitorId: number; from: number }): Promise<DayCount[]> {
    // better-sqlite3 binds numbers as REAL, so the cast makes the division an integer one in SQLite too.
    const rows = await sql<{ d: number | string; ok: number | string; n: number | string }>`
      SELECT CAST((started_at - ${query.from}) / ${day} AS BIGINT) AS d, SUM(ok) AS ok, COUNT(*) AS n
      FROM check_results WHERE monitor_id = ${query.monitorId} AND started_at >= ${query.from}
      GROUP BY 1 ORDER BY 1`.execute(this.db);
    return rows.rows.map((r) => ({ day: query.from + Number(r.d) * day, ok: Number(r.ok), failed: Number(r.n) - Number(r.ok) }));
  }

  async latencySeries(query: { monitorId: number; from: number; to: number; buckets: number }): Promise<LatencyBucket[]> {
    const width = Math.max(1, Math.ceil((query.to - query.from) / Math.max(1, query.buckets)));
    // cume_dist() ranks each result within its bucket; the smallest duration at or past a rank is that
    // percentile (nearest rank). Window functions exist in SQLite ≥ 3.25 and PostgreSQL alike.
    const rows = await sql<{ b: number | string; n: number | string; failed: number | string; p50: number | string; p95: number | string; p99: number | string }>`
      SELECT b, COUNT(*) AS n, SUM(1 - ok) AS failed,
        MIN(CASE WHEN cd >= 0.5 THEN d END) AS p50, MIN(CASE WHEN cd >= 0.95 THEN d END) AS p95, MIN(CASE WHEN cd >= 0.99 THEN d END) AS p99
      FROM (
        SELECT CAST((started_at - ${query.from}) / ${width} AS BIGINT) AS b, duration_ms AS d, ok,
          cume_dist() OVER (PARTITION BY CAST((started_at - ${query.from}) / ${width} AS BIGINT) ORDER BY duration_ms) AS cd
        FROM check_results WHERE monitor_id = ${query.monitorId} AND started_at >= ${query.from} AND started_at < ${query.to}
      ) ranked
      GROUP BY b ORDER BY b`.execute(this.db);
    return rows.rows.map((r) => ({
      at: query.from + Number(r.b) * width,
      count: Number(r.n),
      failed: Number(r.failed),
      p50: Number(r.p50),
      p95: Number(r.p95),
      p99: Number(r.p99),
    }));
  }

  async openIncident(input: { monitorId: number; openedAt: number; reason: string; failures: number }): Promise<{ incident: IncidentRecord; created: boolean }> {
    // A few rounds at most: the open incident that made the insert a no-op can be closed before it is read.
    for (let round = 0; round < 3; round++) {
      const row = await this.db
        .insertInto('incidents')
        .values({ monitor_id: input.monitorId, opened_at: input.openedAt, closed_at: null, reason: input.reason, failures: input.failures, public_note: null })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) return { incident: toIncident(row), created: true };
      const open = await this.openIncidentFor(input.monitorId);
      if (open) return { incident: open, created: false };
    }
    throw new Error(`could not open an incident for monitor ${input.monitorId}: it kept opening and closing under us`);
  }

  async closeIncident(id: number, closedAt: number): Promise<IncidentRecord | undefined> {
    const row = await this.db.updateTable('incidents').set({ closed_at: closedAt }).where('id', '=', id).where('closed_at', 'is', null).returningAll().executeTakeFirst();
    return row && toIncident(row);
  }

  async openIncidentFor(monitorId: number): Promise<IncidentRecord | undefined> {
    const row = await this.db
      .selectFrom('incidents')
      .selectAll()
      .where('monitor_id', '=', monitorId)
      .where('closed_at', 'is', null)
      .orderBy('opened_at', 'desc')
      .executeTakeFirst();
    return row && toIncident(row);
  }

  async setIncidentNote(id: number, note: string | null): Promise<IncidentRecord | undefined> {
    const row = await this.db.updateTable('incidents').set({ public_note: note }).where('id', '=', id).returningAll().executeTakeFirst();
    return row && toIncident(row);
  }

  async listIncidents(query: { monitorId?: number; limit?: number } = {}): Promise<IncidentRecord[]> {
    let q = this.db.selectFrom('incidents').selectAll();
    if (query.monitorId !== undefined) q = q.where('monitor_id', '=', query.monitorId);
    return (await q.orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(query.limit ?? 200).execute()).map(toIncident);
  }

  async addAlertDelivery(input: AlertDeliveryInput): Promise<AlertDeliveryRecord> {
    const row = await this.db
      .insertInto('alert_deliveries')
      .values({
        monitor_id: input.monitorId,
        incident_id: input.incidentId,
        subject: input.subject ?? null,
        channel: input.channel,
        kind: input.kind,
        at: input.at,
        attempt: input.attempt,
        ok: input.ok ? 1 : 0,
        result: input.result,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toDelivery(row);
  }

  async listAlertDeliveries(query: { monitorId?: number; incidentId?: number; subject?: string; limit?: number } = {}): Promise<AlertDeliveryRecord[]> {
    let q = this.db.selectFrom('alert_deliveries').selectAll();
    if (query.monitorId !== undefined) q = q.where('monitor_id', '=', query.monitorId);
    if (query.incidentId !== undefined) q = q.where('incident_id', '=', query.incidentId);
    if (query.subject !== undefined) q = q.where('subject', '=', query.subject);
    return (await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit ?? 200).execute()).map(toDelivery);
  }

  async listAlertChannels(): Promise<AlertChannelRecord[]> {
    return (await this.db.selectFrom('alert_channels').selectAll().orderBy('name').execute()).map(toChannel);
  }

  async createAlertChannel(input: { name: string; definition: unknown; createdAt: number }): Promise<AlertChannelRecord> {
    const row = await this.db
      .insertInto('alert_channels')
      .values({ name: input.name, definition: JSON.stringify(input.definition), created_at: input.createdAt, updated_at: input.createdAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toChannel(row);
  }

  async updateAlertChannel(id: number, input: { name: string; definition: unknown; updatedAt: number }): Promise<AlertChannelRecord | undefined> {
    const row = await this.db
      .updateTable('alert_channels')
      .set({ name: input.name, definition: JSON.stringify(input.definition), updated_at: input.updatedAt })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toChannel(row);
  }

  async deleteAlertChannel(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('alert_channels').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listMaintenanceWindows(): Promise<{ id: number; definition: unknown; createdAt: number }[]> {
    const rows = await this.db.selectFrom('maintenance_windows').selectAll().orderBy('id').execute();
    return rows.map((row) => ({ id: row.id, definition: JSON.parse(row.definition) as unknown, createdAt: Number(row.created_at) }));
  }

  async addMaintenanceWindow(input: { definition: unknown; createdAt: number }): Promise<{ id: number; definition: unknown; createdAt: number }> {
    const row = await this.db.insertInto('maintenance_windows').values({ definition: JSON.stringify(input.definition), created_at: input.createdAt }).returningAll().executeTakeFirstOrThrow();
    return { id: row.id, definition: JSON.parse(row.definition) as unknown, createdAt: Number(row.created_at) };
  }

  async deleteMaintenanceWindow(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('maintenance_windows').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async addReport(input: StoredReportInput): Promise<StoredReportRecord> {
    const row = await this.db
      .insertInto('reports')
      .values({
        monitor_name: input.monitorName,
        kind: input.kind,
        created_at: input.createdAt,
        report: JSON.stringify(input.report),
        scorecard: JSON.stringify(input.scorecard),
        findings: input.findings,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...toReportSummary(row), report: JSON.parse(row.report) as unknown };
  }

  async getReport(id: number): Promise<StoredReportRecord | undefined> {
    const row = await this.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { ...toReportSummary(row), report: JSON.parse(row.report) as unknown };
  }

  async listReports(query: { monitorName?: string; limit?: number } = {}): Promise<StoredReportSummary[]> {
    let q = this.db.selectFrom('reports').select(['id', 'monitor_name', 'kind', 'created_at', 'scorecard', 'findings']);
    if (query.monitorName !== undefined) q = q.where('monitor_name', '=', query.monitorName);
    return (await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit ?? 200).execute()).map(toReportSummary);
  }

  async createUser(input: { username: string; passwordHash: string; role: Role; createdAt: number }): Promise<UserRecord> {
    const row = await this.db
      .insertInto('users')
      .values({ username: input.username, password_hash: input.passwordHash, role: input.role, created_at: input.createdAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async getUserByName(username: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row && toUser(row);
  }

  async getUser(id: number): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async countUsers(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async createSession(input: SessionRecord): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id_hash: input.idHash, user_id: input.userId, csrf_token: input.csrfToken, created_at: input.createdAt, expires_at: input.expiresAt })
      .execute();
  }

  async getSession(idHash: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
    return (
      row && {
        idHash: row.id_hash,
        userId: row.user_id,
        csrfToken: row.csrf_token,
        createdAt: Number(row.created_at),
        expiresAt: Number(row.expires_at),
      }
    );
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async createApiToken(input: { userId: number; name: string; tokenHash: string; createdAt: number }): Promise<ApiTokenRecord> {
    const row = await this.db
      .insertInto('api_tokens')
      .values({ user_id: input.userId, name: input.name, token_hash: input.tokenHash, created_at: input.createdAt })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toToken(row);
  }

  async getApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && toToken(row);
  }

  async listApiTokens(userId: number): Promise<ApiTokenRecord[]> {
    return (await this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id').execute()).map(toToken);
  }

  async deleteApiToken(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('api_tokens').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async prune(retention: Retention, now: number): Promise<number> {
    let deleted = 0;
    if (retention.maxAgeDays !== undefined) {
      const result = await this.db.deleteFrom('check_results').where('started_at', '<', now - retention.maxAgeDays * day).executeTakeFirst();
      deleted += Number(result.numDeletedRows);
    }
    if (retention.maxPerMonitor !== undefined) {
      const keep = retention.maxPerMonitor;
      for (const { id } of await this.db.selectFrom('monitors').select('id').execute()) {
        // The newest `keep` rows' oldest start time is the cut; ids break ties within the same millisecond.
        const cut = await this.db
          .selectFrom('check_results')
          .select(['id', 'started_at'])
          .where('monitor_id', '=', id)
          .orderBy('started_at', 'desc')
          .orderBy('id', 'desc')
          .offset(keep)
          .limit(1)
          .executeTakeFirst();
        if (!cut) continue;
        const result = await this.db
          .deleteFrom('check_results')
          .where('monitor_id', '=', id)
          .where((eb) =>
            eb.or([eb('started_at', '<', cut.started_at), eb.and([eb('started_at', '=', cut.started_at), eb('id', '<=', cut.id)])]),
          )
          .executeTakeFirst();
        deleted += Number(result.numDeletedRows);
      }
    }
    return deleted;
  }

  async ping(): Promise<boolean> {
    try {
      await this.db.selectFrom('monitors').select('id').limit(1).execute();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

type Row<T extends keyof Database> = { [K in keyof Database[T]]: Database[T][K] extends import('kysely').Generated<infer U> ? U : Database[T][K] };

function toMonitor(row: Row<'monitors'>): MonitorRecord {
  return {
    id: row.id,
    name: row.name,
    definition: JSON.parse(row.definition) as unknown,
    source: row.source === 'api' ? 'api' : 'config',
    enabled: Number(row.enabled) === 1,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function toResult(row: Row<'check_results'>): CheckResultRecord {
  return {
    id: row.id,
    monitorId: row.monitor_id,
    startedAt: Number(row.started_at),
    durationMs: Number(row.duration_ms),
    ok: Number(row.ok) === 1,
    status: row.status,
    error: row.error,
    lagMs: Number(row.lag_ms),
    detail: JSON.parse(row.detail) as unknown,
  };
}

function toIncident(row: Row<'incidents'>): IncidentRecord {
  return {
    id: row.id,
    monitorId: row.monitor_id,
    openedAt: Number(row.opened_at),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
    reason: row.reason,
    failures: row.failures,
    publicNote: row.public_note,
  };
}

function toDelivery(row: Row<'alert_deliveries'>): AlertDeliveryRecord {
  return {
    id: row.id,
    monitorId: row.monitor_id,
    incidentId: row.incident_id,
    subject: row.subject,
    channel: row.channel,
    kind: row.kind === 'recovery' || row.kind === 'permission-change' ? row.kind : 'failure',
    at: Number(row.at),
    attempt: row.attempt,
    ok: Number(row.ok) === 1,
    result: row.result,
  };
}

function toReportSummary(row: Pick<Row<'reports'>, 'id' | 'monitor_name' | 'kind' | 'created_at' | 'scorecard' | 'findings'>): StoredReportSummary {
  return {
    id: row.id,
    monitorName: row.monitor_name,
    kind: row.kind === 'lint' ? 'lint' : 'audit',
    createdAt: Number(row.created_at),
    scorecard: JSON.parse(row.scorecard) as StoredReportSummary['scorecard'],
    findings: row.findings,
  };
}

function toChannel(row: Row<'alert_channels'>): AlertChannelRecord {
  return { id: row.id, name: row.name, definition: JSON.parse(row.definition) as unknown, createdAt: Number(row.created_at), updatedAt: Number(row.updated_at) };
}

function toUser(row: Row<'users'>): UserRecord {
  return { id: row.id, username: row.username, passwordHash: row.password_hash, role: row.role === 'admin' ? 'admin' : 'viewer', createdAt: Number(row.created_at) };
}

function toToken(row: Row<'api_tokens'>): ApiTokenRecord {
  return { id: row.id, userId: row.user_id, name: row.name, tokenHash: row.token_hash, createdAt: Number(row.created_at) };
}
