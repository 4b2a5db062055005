import type { Migration } from 'kysely';

/**
 * Alerts that belong to no incident (a permission cell that changed verdict between two scheduled
 * audits) need their own key, so a delivery is never repeated, across restarts and workers alike:
 * `subject` holds it, e.g. 'permission:42:DELETE /products/{id}:reader' for report 42's change.
 */
export function alertSubject(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable('alert_deliveries').addColumn('subject', 'text').execute();
      await db.schema.createIndex('alert_deliveries_subject').on('alert_deliveries').column('subject').execute();
    },
    async down(db) {
      await db.schema.dropIndex('alert_deliveries_subject').ifExists().execute();
      await db.schema.alterTable('alert_deliveries').dropColumn('subject').execute();
    },
  };
}
