import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../database.js';

/**
 * Alert channels added from the dashboard (those in faultline.yaml stay in the config). The definition
 * holds the channel's secrets (webhook URL, headers, SMTP password) because serve must send with them;
 * the API never reads them back out.
 */
export function alertChannels(dialect: StoreDialect): Migration {
  return {
    async up(db) {
      const table = (db as Kysely<unknown>).schema.createTable('alert_channels');
      await (dialect === 'postgres' ? table.addColumn('id', 'serial', (c) => c.primaryKey()) : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('alert_channels').ifExists().execute();
    },
  };
}
