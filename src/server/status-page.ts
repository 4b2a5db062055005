import type { MonitorRecord, Store } from '../store/types.js';
import type { MaintenanceCalendar } from '../monitor/maintenance.js';
import { maintenanceOf, stateOf, uptimeBar, uptimeOfDays } from './monitor-views.js';

/** A monitor is on the status page when its definition says `public: true` (config or the dashboard's switch). */
export function isPublic(monitor: MonitorRecord): boolean {
  const definition = monitor.definition as { public?: unknown } | null;
  return monitor.enabled && definition?.public === true;
}

function groupOf(monitor: MonitorRecord): string {
  const group = (monitor.definition as { group?: unknown } | null)?.group;
  return typeof group === 'string' && group !== '' ? group : 'Services';
}

/**
 * What anyone may read: for each public monitor its name, state and 90-day bar, grouped, and the open
 * incidents with the note an admin wrote for the public. Built field by field from an allow-list, so
 * nothing internal (URL, headers, errors, the incident's reason, assertion details) can slip in.
 */
export async function publicStatus(store: Store, title: string, now: number, calendar?: MaintenanceCalendar) {
  const groups = new Map<string, { name: string; state: string; uptime90d: number | null; days: { day: number; uptime: number | null }[] }[]>();
  const incidents: { monitor: string; openedAt: number; note: string | null }[] = [];
  for (const monitor of (await store.listMonitors()).filter(isPublic)) {
    const [latest] = await store.listResults({ monitorId: monitor.id, limit: 1 });
    const bar = await uptimeBar(store, monitor.id, now);
    const days = bar.map((d) => ({ day: d.day, uptime: d.uptime }));
    const entry = { name: monitor.name, state: maintenanceOf(calendar, monitor, now) ? 'maintenance' : stateOf(latest), uptime90d: uptimeOfDays(bar), days };
    const group = groupOf(monitor);
    groups.set(group, [...(groups.get(group) ?? []), entry]);
    const open = await store.openIncidentFor(monitor.id);
    if (open) incidents.push({ monitor: monitor.name, openedAt: open.openedAt, note: open.publicNote });
  }
  const all = [...groups.values()].flat();
  const overall = all.some((m) => m.state === 'down') ? 'disrupted' : all.some((m) => m.state === 'maintenance') ? 'maintenance' : 'operational';
  return { title, overall, groups: [...groups].map(([name, monitors]) => ({ name, monitors })), incidents, at: now };
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The status page's HTML with its configured title. */
export function statusHtml(template: string, title: string): string {
  return template.replaceAll('{{title}}', title.replace(/[&<>"']/g, (c) => escapes[c] ?? c));
}
