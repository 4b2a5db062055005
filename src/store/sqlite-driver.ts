import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);

/**
 * The better-sqlite3 build for this Node. Node 24.19 changed `node::ObjectWrap` so that better-sqlite3
 * 12 (built on it) aborts the process when a garbage-collected Statement is finalised outside a
 * JavaScript context ("Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook), which
 * Kysely, preparing a statement per query, triggers within minutes. Version 13 is built on Node-API
 * and does not; it needs Node 22 and crashes on Node 20. So both are installed (13 under the alias
 * `better-sqlite3-napi`) and each Node loads the one that works on it.
 */
export type SqliteConstructor = typeof BetterSqlite3;

export const sqliteModuleName = Number(process.versions.node.split('.')[0]) >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3';

/** Open (or create) a SQLite file with the driver that suits this Node (loaded on first use). */
export function openSqliteDatabase(path: string, options?: BetterSqlite3.Options): BetterSqlite3.Database {
  const Database = require(sqliteModuleName) as SqliteConstructor;
  return new Database(path, options);
}
