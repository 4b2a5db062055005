import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * The first schema. One file per numbered migration, shared by both dialects: times are bigint
 * milliseconds, booleans are 0/1 integers and JSON is text, so the same SQL means the same thing in
 * SQLite and PostgreSQL. Only the auto-increment id differs.
 */
export function init(dialect: StoreDialect): Migration {
  const id = (db: Kysely<unknown>, table: string) =>
    dialect === 'postgres'
      ? db.schema.createTable(table).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(table).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  return {
    async up(db) {
      await id(db, 'monitors')
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await id(db, 'check_results')
        .addColumn('monitor_id', 'integer', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('duration_ms', 'double precision', (c) => c.notNull())
        .addColumn('ok', 'integer', (c) => c.notNull())
        .addColumn('status', 'integer')
        .addColumn('error', 'text')
        .addColumn('lag_ms', 'double precision', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('check_results_monitor_time').on('check_results').columns(['monitor_id', 'started_at']).execute();
      await id(db, 'incidents')
        .addColumn('monitor_id', 'integer', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
        .addColumn('opened_at', 'bigint', (c) => c.notNull())
        .addColumn('closed_at', 'bigint')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incidents_monitor').on('incidents').columns(['monitor_id', 'opened_at']).execute();
      await id(db, 'alert_deliveries')
        .addColumn('monitor_id', 'integer', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
        .addColumn('incident_id', 'integer')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('ok', 'integer', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .execute();
      await id(db, 'reports')
        .addColumn('monitor_name', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('scorecard', 'text', (c) => c.notNull())
        .addColumn('findings', 'integer', (c) => c.notNull())
        .execute();
      await id(db, 'users')
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await id(db, 'api_tokens')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db) {
      for (const table of ['api_tokens', 'sessions', 'users', 'reports', 'alert_deliveries', 'incidents', 'check_results', 'monitors']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
