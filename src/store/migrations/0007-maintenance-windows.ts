import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../database.js';

/** Maintenance windows planned from the dashboard (those in faultline.yaml stay in the config). */
export function maintenanceWindows(dialect: StoreDialect): Migration {
  return {
    async up(db) {
      const table = (db as Kysely<unknown>).schema.createTable('maintenance_windows');
      await (dialect === 'postgres' ? table.addColumn('id', 'serial', (c) => c.primaryKey()) : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('maintenance_windows').ifExists().execute();
    },
  };
}
