import type { Migration } from 'kysely';

/**
 * What the public status page says about an incident: written by an admin for customers, because the
 * incident's own `reason` is an internal error text (status, assertion, connection error) that must not
 * leave the dashboard.
 */
export function incidentPublicNote(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable('incidents').addColumn('public_note', 'text').execute();
    },
    async down(db) {
      await db.schema.alterTable('incidents').dropColumn('public_note').execute();
    },
  };
}
