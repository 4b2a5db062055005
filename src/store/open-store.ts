import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { FaultlineError } from '../core/errors.js';
import { migrate } from './database.js';
import type { Database } from './database.js';
import { KyselyStore } from './kysely-store.js';
import { openSqliteDatabase } from './sqlite-driver.js';
import type { Store } from './types.js';

/**
 * Open the store named by `--db`: `sqlite:./faultline.db` (or a bare path) or `postgres://…`.
 * Migrations run before the store is returned. A database that cannot be opened, reached or written
 * at start is an E_STORE error (one line, exit 2), with any password in the URL masked.
 */
export async function openStore(url: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(url)) return openPostgresStore(url);
  const scheme = /^([a-z][a-z\d+.-]*):\/\//i.exec(url)?.[1];
  if (scheme && scheme.toLowerCase() !== 'sqlite') {
    throw new FaultlineError('E_USAGE', `unknown database '${scheme}:' (use sqlite:./faultline.db or postgres://user@host:5432/db)`, { location: { field: '--db' } });
  }
  const path = url.replace(/^sqlite:(\/\/)?/i, '');
  if (!path) throw new FaultlineError('E_USAGE', `no SQLite file in '${url}' (use sqlite:./faultline.db)`, { location: { field: '--db' } });
  return openSqliteStore(path);
}

export async function openSqliteStore(path: string): Promise<Store> {
  let database: BetterSqlite3.Database;
  try {
    database = openSqliteDatabase(path);
    // WAL lets the dashboard read while the scheduler writes; busy_timeout rides out short locks. It is
    // short because better-sqlite3 waits synchronously: a file locked by another process would otherwise
    // stall the scheduler and the dashboard for the whole wait on every write, while a write that gives
    // up is buffered and retried by the monitor service anyway.
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 250');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw storeError(`cannot open SQLite database '${path}'`, error);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  try {
    await migrate(db, 'sqlite');
    // SQLite opens a file it may not write read-only without a word, and an up-to-date schema needs
    // no write: ask for one now rather than on the first check result.
    database.exec('BEGIN IMMEDIATE; ROLLBACK;');
    if (database.readonly) throw new Error('the file is read-only');
  } catch (error) {
    await db.destroy().catch(() => {});
    throw storeError(`cannot write SQLite database '${path}'`, error);
  }
  return new KyselyStore(db, 'sqlite');
}

export async function openPostgresStore(url: string): Promise<Store> {
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  } catch (error) {
    throw storeError(`cannot use PostgreSQL URL ${maskPassword(url)}`, error);
  }
  // An idle client that loses its server (a restart) emits 'error' on the pool; without a listener
  // that would crash the process. The next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db, 'postgres');
  } catch (error) {
    await db.destroy().catch(() => {});
    throw storeError(`cannot open PostgreSQL database ${maskPassword(url)}`, error);
  }
  return new KyselyStore(db, 'postgres');
}

function storeError(what: string, error: unknown): FaultlineError {
  const cause = error instanceof FaultlineError && error.cause !== undefined ? error.cause : error;
  // Node 20 tries every address of a name and reports an AggregateError with an empty message.
  const reason =
    cause instanceof AggregateError && cause.errors.length > 0 ? cause.errors.map(describe).join('; ') : error instanceof FaultlineError ? error.message : describe(cause);
  return new FaultlineError('E_STORE', `${what}: ${reason}`, { location: { field: '--db' }, cause });
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message || (error as { code?: string }).code || error.name;
}

/** postgres://user:secret@host/db → postgres://user:***@host/db: the line goes to logs and CI output. */
export function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}
