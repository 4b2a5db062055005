import type { MaintenanceCalendar } from '../monitor/maintenance.js';
import type { LatencyBucket, MonitorRecord, Store } from '../store/types.js';

const day = 86_400_000;

/** The ranges a monitor page offers, and how long each is. */
export const ranges = { '24h': day, '7d': 7 * day, '30d': 30 * day, '90d': 90 * day } as const;
export type RangeName = keyof typeof ranges;

/** Points a chart of any range gets at most: 90 days in 3-hour buckets, 24 hours in 2-minute ones. */
export const chartBuckets = 720;
const sparklineBuckets = 48;
const barDays = 90;

export interface DaySegment {
  /** UTC midnight of the day. */
  readonly day: number;
  /** Percent of passing checks that day, null when nothing ran. */
  readonly uptime: number | null;
  readonly checks: number;
}

export type MonitorState = 'up' | 'down' | 'pending' | 'maintenance';

/** Percent with three decimals, null when nothing was counted. */
export function percent(ok: number, failed: number): number | null {
  return ok + failed === 0 ? null : Math.round((ok / (ok + failed)) * 100_000) / 1000;
}

/** One segment per UTC day for the last 90 days, today last, counted in the database. */
export async function uptimeBar(store: Store, monitorId: number, now: number): Promise<(DaySegment & { ok: number })[]> {
  const from = Math.floor(now / day) * day - (barDays - 1) * day;
  const counts = new Map((await store.dailyCounts({ monitorId, from })).map((c) => [c.day, c]));
  return Array.from({ length: barDays }, (_, i) => {
    const at = from + i * day;
    const count = counts.get(at);
    return { day: at, uptime: count ? percent(count.ok, count.failed) : null, checks: count ? count.ok + count.failed : 0, ok: count?.ok ?? 0 };
  });
}

/** Uptime over whole days of the bar. */
export function uptimeOfDays(days: readonly { checks: number; ok: number }[]): number | null {
  const checks = days.reduce((sum, d) => sum + d.checks, 0);
  const ok = days.reduce((sum, d) => sum + d.ok, 0);
  return percent(ok, checks - ok);
}

export async function uptimeSince(store: Store, monitorId: number, since: number): Promise<number | null> {
  const { ok, failed } = await store.countResults({ monitorId, since });
  return percent(ok, failed);
}

/** What the overview shows of a monitor: state, uptime figures, the 90-day bar and a 24-hour sparkline. */
export async function monitorSummary(store: Store, monitor: MonitorRecord, now: number, calendar?: MaintenanceCalendar) {
  const [latest] = await store.listResults({ monitorId: monitor.id, limit: 1 });
  const open = await store.openIncidentFor(monitor.id);
  const days = await uptimeBar(store, monitor.id, now);
  // 24 h rolls with the clock; the longer figures are whole UTC days (today included), as the bar shows them.
  const uptime: Record<string, number | null> = { '24h': await uptimeSince(store, monitor.id, now - day) };
  for (const [label, count] of [['7d', 7], ['30d', 30], ['90d', 90]] as const) uptime[label] = uptimeOfDays(days.slice(-count));
  const sparkline = await store.latencySeries({ monitorId: monitor.id, from: now - day, to: now + 1, buckets: sparklineBuckets });
  const maintenance = maintenanceOf(calendar, monitor, now);
  return {
    ...monitor,
    status: maintenance ? 'maintenance' : stateOf(latest),
    maintenance: maintenance ?? null,
    lastCheck: latest ?? null,
    lastResponseMs: latest ? latest.durationMs : null,
    openIncident: open ?? null,
    uptime,
    days: days.map(({ ok: _ok, ...segment }) => segment),
    sparkline: sparkline.map((b) => ({ at: b.at, p50: b.p50, failed: b.failed })),
  };
}

/** The name of the maintenance window the monitor is in at `now`, if any. */
export function maintenanceOf(calendar: MaintenanceCalendar | undefined, monitor: MonitorRecord, now: number): string | undefined {
  const group = (monitor.definition as { group?: unknown } | null)?.group;
  return calendar?.activeFor({ name: monitor.name, group: typeof group === 'string' ? group : undefined }, now)?.name;
}

export function stateOf(latest: { ok: boolean } | undefined): MonitorState {
  return !latest ? 'pending' : latest.ok ? 'up' : 'down';
}

/** The chart of one range: percentiles per bucket, downsampled by the store. */
export async function rangeSeries(store: Store, monitorId: number, range: RangeName, now: number): Promise<{ range: RangeName; from: number; to: number; bucketMs: number; uptime: number | null; points: LatencyBucket[] }> {
  const from = now - ranges[range];
  const to = now + 1;
  const points = await store.latencySeries({ monitorId, from, to, buckets: chartBuckets });
  return { range, from, to, bucketMs: Math.ceil((to - from) / chartBuckets), uptime: await uptimeSince(store, monitorId, from), points };
}

/**
 * A monitor's own page: its summary, the last result's assertions, incidents (newest first) with
 * duration and the alert deliveries of each, and the latest stored report when it runs audits or lint.
 */
export async function monitorPage(store: Store, monitor: MonitorRecord, now: number, calendar?: MaintenanceCalendar) {
  const summary = await monitorSummary(store, monitor, now, calendar);
  const detail = summary.lastCheck?.detail as { assertions?: unknown } | null | undefined;
  const incidents = await store.listIncidents({ monitorId: monitor.id, limit: 50 });
  const deliveries = await store.listAlertDeliveries({ monitorId: monitor.id, limit: 1000 });
  const [report] = await store.listReports({ monitorName: monitor.name, limit: 1 });
  return {
    ...summary,
    assertions: Array.isArray(detail?.assertions) ? detail.assertions : [],
    incidents: incidents.map((incident) => ({
      ...incident,
      durationMs: (incident.closedAt ?? now) - incident.openedAt,
      deliveries: deliveries.filter((d) => d.incidentId === incident.id),
    })),
    latestReport: report ?? null,
  };
}
