import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, sqliteModuleName } from './sqlite-driver.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('sqlite driver', () => {
  it('loads the build made for this Node: Node-API (13) from Node 22 on, 12 on Node 20', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(sqliteModuleName).toBe(major >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3');
  });

  it('survives thousands of prepared statements collected while it works, as Kysely prepares one per query', async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-sqlite-'));
    const db = openSqliteDatabase(join(dir, 'x.db'));
    db.exec('create table t (a integer)');
    // One transaction: the point is the number of statements, not of fsyncs.
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) db.prepare('insert into t values (?)').run(i);
    })();
    // Let idle-time collection run over the dropped statements (the crash on Node 24 with the old build).
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 20_000 });
    db.close();
  });
});
