import type { Generated, Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator } from 'kysely';
import { FaultlineError } from '../core/errors.js';
import { init } from './migrations/0001-init.js';
import { oneOpenIncident } from './migrations/0002-one-open-incident.js';
import { alertSubject } from './migrations/0003-alert-subject.js';
import { resultSeriesIndex } from './migrations/0004-result-series-index.js';
import { incidentPublicNote } from './migrations/0005-incident-public-note.js';
import { alertChannels } from './migrations/0006-alert-channels.js';
import { maintenanceWindows } from './migrations/0007-maintenance-windows.js';

export type StoreDialect = 'sqlite' | 'postgres';

// Row shapes as the database holds them. bigint columns come back from pg as strings, hence the unions.
type Millis = number | string;

export interface Database {
  monitors: { id: Generated<number>; name: string; definition: string; source: string; enabled: number; created_at: Millis; updated_at: Millis };
  check_results: {
    id: Generated<number>;
    monitor_id: number;
    started_at: Millis;
    duration_ms: number;
    ok: number;
    status: number | null;
    error: string | null;
    lag_ms: number;
    detail: string;
  };
  incidents: { id: Generated<number>; monitor_id: number; opened_at: Millis; closed_at: Millis | null; reason: string; failures: number; public_note: string | null };
  alert_deliveries: {
    id: Generated<number>;
    monitor_id: number;
    incident_id: number | null;
    channel: string;
    kind: string;
    at: Millis;
    attempt: number;
    ok: number;
    result: string;
    subject: string | null;
  };
  reports: { id: Generated<number>; monitor_name: string | null; kind: string; created_at: Millis; report: string; scorecard: string; findings: number };
  users: { id: Generated<number>; username: string; password_hash: string; role: string; created_at: Millis };
  sessions: { id_hash: string; user_id: number; csrf_token: string; created_at: Millis; expires_at: Millis };
  alert_channels: { id: Generated<number>; name: string; definition: string; created_at: Millis; updated_at: Millis };
  maintenance_windows: { id: Generated<number>; definition: string; created_at: Millis };
  api_tokens: { id: Generated<number>; user_id: number; name: string; token_hash: string; created_at: Millis };
}

/** The numbered migrations, in order. Add a file `000N-name.ts` and one line here. */
export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001-init': init(dialect),
    '0002-one-open-incident': oneOpenIncident(),
    '0003-alert-subject': alertSubject(),
    '0004-result-series-index': resultSeriesIndex(),
    '0005-incident-public-note': incidentPublicNote(),
    '0006-alert-channels': alertChannels(dialect),
    '0007-maintenance-windows': maintenanceWindows(dialect),
  };
}

/** Bring the schema up to date; run at every start. */
export async function migrate(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    // Almost always the database's doing (unreachable, read-only, no right to create tables), not a bug.
    throw new FaultlineError('E_STORE', failed ? `database migration ${failed} failed: ${reason}` : reason, { location: { field: '--db' }, cause: error });
  }
}
