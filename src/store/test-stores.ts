import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { openPostgresStore, openSqliteStore } from './open-store.js';
import { openSqliteDatabase } from './sqlite-driver.js';
import type { Store } from './types.js';

/** A store for one test and how to throw it away. */
export interface TestStore {
  readonly store: Store;
  /** The --db URL the store was opened from (for tests that open a second connection). */
  readonly url: string;
  dispose(): Promise<void>;
}

export interface TestStoreKind {
  readonly name: 'sqlite' | 'postgres';
  open(): Promise<TestStore>;
}

/**
 * The backends every storage test runs against: a temp SQLite file always, and PostgreSQL when
 * FAULTLINE_TEST_PG_URL is set. Without it the PostgreSQL half is skipped with a warning locally and
 * fails under CI=true, so CI can never pass on SQLite alone.
 */
export function testStoreKinds(): TestStoreKind[] {
  const kinds: TestStoreKind[] = [{ name: 'sqlite', open: openTempSqlite }];
  const pgUrl = process.env.FAULTLINE_TEST_PG_URL;
  if (pgUrl) kinds.push({ name: 'postgres', open: () => openTempPostgres(pgUrl) });
  return kinds;
}

/** Call once per test file that needs PostgreSQL: warns locally, throws under CI. */
export function requirePostgresInCi(what: string): void {
  if (process.env.FAULTLINE_TEST_PG_URL) return;
  const message = `${what}: FAULTLINE_TEST_PG_URL is not set, so the PostgreSQL half is skipped (set it to postgres://postgres@127.0.0.1:5439/postgres; .ci/run starts that cluster)`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI must run it`);
  console.warn(`WARNING ${message}`);
}

export async function openTempSqlite(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-store-'));
  const path = join(dir, 'faultline.db');
  const store = await openSqliteStore(path);
  return {
    store,
    url: `sqlite:${path}`,
    async dispose() {
      await store.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database per test inside the given cluster, dropped afterwards, so tests never share rows. */
export async function openTempPostgres(adminUrl: string): Promise<TestStore> {
  const name = `faultline_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openPostgresStore(url.toString());
  return {
    store,
    url: url.toString(),
    async dispose() {
      await store.close().catch(() => {});
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** An empty database of the kind, no migration run, for tests of the migrations themselves. */
export async function openEmptyDatabase(kind: 'sqlite' | 'postgres'): Promise<{ db: Kysely<Database>; dispose(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-store-'));
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqliteDatabase(join(dir, 'empty.db')) }) });
    return {
      db,
      async dispose() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.FAULTLINE_TEST_PG_URL ?? '';
  const name = `faultline_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 2 }) }) });
  return {
    db,
    async dispose() {
      await db.destroy();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
