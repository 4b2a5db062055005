import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * At most one open incident per monitor, enforced by the database: two workers that see the same
 * failure at the same moment both try to open one, and only the unique index can make one of them
 * lose without a lock held across the check. Partial unique indexes mean the same in SQLite and
 * PostgreSQL. Open duplicates left by older versions are closed first (the newest stays open), or the
 * index could not be built.
 */
export function oneOpenIncident(): Migration {
  return {
    async up(db) {
      await sql`UPDATE incidents SET closed_at = (SELECT max(o.opened_at) FROM incidents o WHERE o.monitor_id = incidents.monitor_id AND o.closed_at IS NULL)
        WHERE closed_at IS NULL AND id NOT IN (SELECT max(id) FROM incidents WHERE closed_at IS NULL GROUP BY monitor_id)`.execute(db);
      await db.schema.createIndex('incidents_one_open').on('incidents').column('monitor_id').unique().where(sql.ref('closed_at'), 'is', null).execute();
    },
    async down(db) {
      await db.schema.dropIndex('incidents_one_open').ifExists().execute();
    },
  };
}
