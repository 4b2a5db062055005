import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrations } from './database.js';
import { openEmptyDatabase, requirePostgresInCi, testStoreKinds } from './test-stores.js';

requirePostgresInCi('migrations.test.ts');

describe.each(testStoreKinds().map((kind) => [kind.name] as const))('migrations on %s', (name) => {
  const disposers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const dispose of disposers.splice(0)) await dispose();
  });

  it('close the open duplicates an older version left, keep the newest open, then refuse a second open incident', async () => {
    const { db, dispose } = await openEmptyDatabase(name);
    disposers.push(dispose);
    const provider = { getMigrations: async () => migrations(name) };
    const first = await new Migrator({ db, provider }).migrateTo('0001-init');
    expect(first.error).toBeUndefined();
    const { id: monitorId } = await db
      .insertInto('monitors')
      .values({ name: 'm', definition: '{}', source: 'config', enabled: 1, created_at: 1, updated_at: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    // What two racing workers could write before 0002: two open incidents for one monitor, and a closed one.
    for (const [opened, closed] of [[100, 150], [200, null], [300, null]] as const) {
      await db.insertInto('incidents').values({ monitor_id: monitorId, opened_at: opened, closed_at: closed, reason: 'down', failures: 1 }).execute();
    }
    await migrate(db, name);
    const rows = await db.selectFrom('incidents').select(['opened_at', 'closed_at']).orderBy('opened_at').execute();
    expect(rows.map((r) => [Number(r.opened_at), r.closed_at === null ? null : Number(r.closed_at)])).toEqual([
      [100, 150],
      [200, 300],
      [300, null],
    ]);
    await expect(db.insertInto('incidents').values({ monitor_id: monitorId, opened_at: 400, closed_at: null, reason: 'x', failures: 1 }).execute()).rejects.toThrow();
    await db.insertInto('incidents').values({ monitor_id: monitorId, opened_at: 400, closed_at: 500, reason: 'closed ones are many', failures: 1 }).execute();
  });

  it('keep the alert deliveries recorded before subjects existed, with none', async () => {
    const { db, dispose } = await openEmptyDatabase(name);
    disposers.push(dispose);
    const provider = { getMigrations: async () => migrations(name) };
    expect((await new Migrator({ db, provider }).migrateTo('0002-one-open-incident')).error).toBeUndefined();
    const { id: monitorId } = await db.insertInto('monitors').values({ name: 'm', definition: '{}', source: 'config', enabled: 1, created_at: 1, updated_at: 1 }).returning('id').executeTakeFirstOrThrow();
    await sql`INSERT INTO alert_deliveries (monitor_id, incident_id, channel, kind, at, attempt, ok, result) VALUES (${monitorId}, 1, 'hook', 'failure', 5, 1, 1, 'HTTP 200')`.execute(db);
    await migrate(db, name);
    expect(await db.selectFrom('alert_deliveries').select(['kind', 'subject', 'result']).execute()).toEqual([{ kind: 'failure', subject: null, result: 'HTTP 200' }]);
  });
});
