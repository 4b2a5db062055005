import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { FaultlineError } from '../core/errors.js';
import { migrate } from './database.js';
import type { Database } from './database.js';
import { KyselyStore } from './kysely-store.js';
import type { Store } from './types.js';

/**
 * Open the store named by `--db`: `sqlite:./faultline.db` (or a bare path) or `postgres://…`.
 * Migrations run before the store is returned.
 */
export async function openStore(url: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgresStore(url);
  const path = url.replace(/^sqlite:(\/\/)?/i, '');
  if (!path) throw new FaultlineError('E_USAGE', `--db: no SQLite file in '${url}' (use sqlite:./faultline.db)`, { location: { field: '--db' } });
  return openSqliteStore(path);
}

export async function openSqliteStore(path: string): Promise<Store> {
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(path);
    // WAL lets the dashboard read while the scheduler writes; busy_timeout rides out short locks.
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw new FaultlineError('E_USAGE', `cannot open SQLite database '${path}': ${error instanceof Error ? error.message : String(error)}`, {
      location: { field: '--db' },
      cause: error,
    });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  await migrate(db, 'sqlite');
  return new KyselyStore(db, 'sqlite');
}

export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server (a restart) emits 'error' on the pool; without a listener
  // that would crash the process. The next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db, 'postgres');
  } catch (error) {
    await db.destroy().catch(() => {});
    throw error;
  }
  return new KyselyStore(db, 'postgres');
}
