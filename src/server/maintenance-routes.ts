import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { maintenanceSchema } from '../config/schema.js';
import type { MaintenanceConfig } from '../config/schema.js';
import type { MaintenanceCalendar } from '../monitor/maintenance.js';
import { validateCron } from '../monitor/schedule.js';
import type { Store } from '../store/types.js';
import { guard } from './auth.js';
import { HttpProblem, parse } from './problem.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });

/** Read the windows planned from the dashboard into the calendar that checks and pages consult. */
export async function loadStoredWindows(store: Store, calendar: MaintenanceCalendar): Promise<{ id: number; window: MaintenanceConfig }[]> {
  const stored = (await store.listMaintenanceWindows()).flatMap((row) => {
    const parsed = maintenanceSchema.safeParse(row.definition);
    return parsed.success ? [{ id: row.id, window: parsed.data }] : [];
  });
  calendar.setStored(stored.map((s) => s.window));
  return stored;
}

/** Maintenance windows from the dashboard: list (with those of faultline.yaml), plan and delete. */
export function registerMaintenanceRoutes(app: FastifyInstance, store: Store, calendar: MaintenanceCalendar): void {
  const view = (window: MaintenanceConfig, source: 'config' | 'api', id: number | null) => ({ id, source, ...window, isActive: calendar.isActive(window, Date.now()) });

  app.get('/api/maintenance', { preHandler: guard(store, 'viewer') }, async () => {
    const stored = await loadStoredWindows(store, calendar);
    return [...calendar.configured.map((w) => view(w, 'config', null)), ...stored.map((s) => view(s.window, 'api', s.id))];
  });

  app.post('/api/maintenance', { preHandler: guard(store, 'admin') }, async (request, reply) => {
    const { _csrf: _ignored, ...body } = (request.body ?? {}) as Record<string, unknown>;
    const window = parse(maintenanceSchema, body);
    if (window.cron !== undefined) {
      try {
        validateCron(window.cron);
      } catch (error) {
        throw new HttpProblem(400, 'Bad Request', `cron: not a cron expression: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const record = await store.addMaintenanceWindow({ definition: window, createdAt: Date.now() });
    await loadStoredWindows(store, calendar);
    return reply.code(201).send(view(window, 'api', record.id));
  });

  app.delete('/api/maintenance/:id', { preHandler: guard(store, 'admin') }, async (request, reply) => {
    const { id } = parse(idParam, request.params);
    if (!(await store.deleteMaintenanceWindow(id))) throw new HttpProblem(404, 'Not Found', `no maintenance window ${id} planned from the dashboard`);
    await loadStoredWindows(store, calendar);
    return reply.code(204).send();
  });
}
