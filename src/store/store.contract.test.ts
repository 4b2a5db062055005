import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { requirePostgresInCi, testStoreKinds } from './test-stores.js';
import type { TestStore } from './test-stores.js';
import type { Store } from './types.js';

requirePostgresInCi('store.contract.test.ts');

describe.each(testStoreKinds().map((kind) => [kind.name, kind] as const))('Store on %s', (_name, kind) => {
  let handle: TestStore;
  let store: Store;
  beforeEach(async () => {
    handle = await kind.open();
    store = handle.store;
  });
  afterEach(async () => {
    await handle.dispose();
  });

  it('creates a monitor, finds it by id and name, and updates it in place when upserted again', async () => {
    const first = await store.upsertMonitor({ name: 'api', definition: { url: 'http://127.0.0.1/a', interval: 30_000 }, source: 'config' });
    expect(first.id).toBeGreaterThan(0);
    expect(first.enabled).toBe(true);
    expect(await store.getMonitorByName('api')).toEqual(first);
    const second = await store.upsertMonitor({ name: 'api', definition: { url: 'http://127.0.0.1/b' }, source: 'config' });
    expect(second.id).toBe(first.id);
    expect(second.definition).toEqual({ url: 'http://127.0.0.1/b' });
    expect(await store.listMonitors()).toHaveLength(1);
  });

  it('edits and deletes a monitor together with its results, incidents and deliveries', async () => {
    const monitor = await store.upsertMonitor({ name: 'm', definition: {}, source: 'api' });
    const edited = await store.updateMonitor(monitor.id, { enabled: false, definition: { x: 1 } });
    expect(edited?.enabled).toBe(false);
    expect(edited?.definition).toEqual({ x: 1 });
    await store.addResult({ monitorId: monitor.id, startedAt: 1, durationMs: 2, ok: false, status: 500, error: null, lagMs: 0, detail: [] });
    const { incident } = await store.openIncident({ monitorId: monitor.id, openedAt: 1, reason: 'HTTP 500', failures: 3 });
    await store.addAlertDelivery({ monitorId: monitor.id, incidentId: incident.id, channel: 'hook', kind: 'failure', at: 2, attempt: 1, ok: true, result: 'HTTP 200' });
    expect(await store.deleteMonitor(monitor.id)).toBe(true);
    expect(await store.getMonitor(monitor.id)).toBeUndefined();
    expect(await store.listResults({ monitorId: monitor.id })).toEqual([]);
    expect(await store.listIncidents({ monitorId: monitor.id })).toEqual([]);
    expect(await store.listAlertDeliveries({ monitorId: monitor.id })).toEqual([]);
    expect(await store.deleteMonitor(monitor.id)).toBe(false);
  });

  it('rejects a second monitor with the same name through update', async () => {
    await store.upsertMonitor({ name: 'a', definition: {}, source: 'api' });
    const b = await store.upsertMonitor({ name: 'b', definition: {}, source: 'api' });
    await expect(store.updateMonitor(b.id, { name: 'a' })).rejects.toThrow();
  });

  it('keeps results with their fields and lists them newest first, from a time, up to a limit', async () => {
    const monitor = await store.upsertMonitor({ name: 'r', definition: {}, source: 'config' });
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 5; i++) {
      await store.addResult({
        monitorId: monitor.id,
        startedAt: base + i * 1000,
        durationMs: 12.5 + i,
        ok: i !== 2,
        status: i === 2 ? null : 200,
        error: i === 2 ? 'connection refused' : null,
        lagMs: 3.25,
        detail: [{ assertion: 'status', ok: i !== 2 }],
      });
    }
    const all = await store.listResults({ monitorId: monitor.id });
    expect(all.map((r) => r.startedAt)).toEqual([4, 3, 2, 1, 0].map((i) => base + i * 1000));
    expect(all[2]).toMatchObject({ ok: false, status: null, error: 'connection refused', durationMs: 14.5, lagMs: 3.25, detail: [{ assertion: 'status', ok: false }] });
    expect(await store.listResults({ monitorId: monitor.id, since: base + 3000 })).toHaveLength(2);
    expect(await store.listResults({ monitorId: monitor.id, limit: 1 })).toHaveLength(1);
    expect(await store.countResults({ monitorId: monitor.id, since: base })).toEqual({ ok: 4, failed: 1 });
    expect(await store.countResults({ monitorId: monitor.id, since: base + 3000 })).toEqual({ ok: 2, failed: 0 });
  });

  it('counts results per UTC day and cuts response times into buckets with nearest-rank percentiles', async () => {
    const monitor = await store.upsertMonitor({ name: 'agg', definition: {}, source: 'config' });
    const other = await store.upsertMonitor({ name: 'other', definition: {}, source: 'config' });
    const dayMs = 86_400_000;
    const from = Date.UTC(2026, 0, 1);
    const result = (monitorId: number, startedAt: number, durationMs: number, ok: boolean) =>
      store.addResult({ monitorId, startedAt, durationMs, ok, status: ok ? 200 : 503, error: null, lagMs: 0, detail: null });
    // Day 0: durations 1..100 ms, every 10th failing; day 2: one result; nothing on day 1.
    for (let i = 1; i <= 100; i++) await result(monitor.id, from + i * 1000, i, i % 10 !== 0);
    await result(monitor.id, from + 2 * dayMs + 5, 250, true);
    await result(other.id, from + 10, 999, false);
    await result(monitor.id, from - 1, 999, false);

    expect(await store.dailyCounts({ monitorId: monitor.id, from })).toEqual([
      { day: from, ok: 90, failed: 10 },
      { day: from + 2 * dayMs, ok: 1, failed: 0 },
    ]);
    expect(await store.latencySeries({ monitorId: monitor.id, from, to: from + 3 * dayMs, buckets: 3 })).toEqual([
      { at: from, count: 100, failed: 10, p50: 50, p95: 95, p99: 99 },
      { at: from + 2 * dayMs, count: 1, failed: 0, p50: 250, p95: 250, p99: 250 },
    ]);
    // `to` is exclusive and buckets never outnumber what was asked.
    const series = await store.latencySeries({ monitorId: monitor.id, from, to: from + 101_000, buckets: 10 });
    expect(series).toHaveLength(10);
    expect(series[0]).toMatchObject({ at: from, count: 10, p50: 5, p95: 10 });
  });

  it('keeps a public note on an incident apart from its internal reason, and clears it', async () => {
    const monitor = await store.upsertMonitor({ name: 'noted', definition: {}, source: 'config' });
    const { incident } = await store.openIncident({ monitorId: monitor.id, openedAt: 1, reason: 'connect ECONNREFUSED 10.0.0.5:443', failures: 3 });
    expect(incident.publicNote).toBeNull();
    expect(await store.setIncidentNote(incident.id, 'Payments are slow; we are on it.')).toMatchObject({ reason: 'connect ECONNREFUSED 10.0.0.5:443', publicNote: 'Payments are slow; we are on it.' });
    expect((await store.openIncidentFor(monitor.id))?.publicNote).toBe('Payments are slow; we are on it.');
    expect((await store.setIncidentNote(incident.id, null))?.publicNote).toBeNull();
    expect(await store.setIncidentNote(incident.id + 1000, 'x')).toBeUndefined();
  });

  it('keeps alert channels added from the dashboard, renames and deletes them, and refuses a second of the same name', async () => {
    const hook = await store.createAlertChannel({ name: 'hook', definition: { type: 'webhook', url: 'http://127.0.0.1:9/secret' }, createdAt: 5 });
    expect(await store.listAlertChannels()).toEqual([{ id: hook.id, name: 'hook', definition: { type: 'webhook', url: 'http://127.0.0.1:9/secret' }, createdAt: 5, updatedAt: 5 }]);
    await expect(store.createAlertChannel({ name: 'hook', definition: {}, createdAt: 6 })).rejects.toThrow();
    expect(await store.updateAlertChannel(hook.id, { name: 'ops-hook', definition: { type: 'slack' }, updatedAt: 7 })).toMatchObject({ name: 'ops-hook', definition: { type: 'slack' }, createdAt: 5, updatedAt: 7 });
    expect(await store.deleteAlertChannel(hook.id)).toBe(true);
    expect(await store.deleteAlertChannel(hook.id)).toBe(false);
    expect(await store.listAlertChannels()).toEqual([]);
  });

  it('keeps maintenance windows planned from the dashboard until they are deleted', async () => {
    const window = await store.addMaintenanceWindow({ definition: { name: 'db upgrade', monitors: ['api'] }, createdAt: 3 });
    expect(await store.listMaintenanceWindows()).toEqual([{ id: window.id, definition: { name: 'db upgrade', monitors: ['api'] }, createdAt: 3 }]);
    expect(await store.deleteMaintenanceWindow(window.id)).toBe(true);
    expect(await store.deleteMaintenanceWindow(window.id)).toBe(false);
    expect(await store.listMaintenanceWindows()).toEqual([]);
  });

  it('has at most one open incident found per monitor and closes it on recovery', async () => {
    const monitor = await store.upsertMonitor({ name: 'i', definition: {}, source: 'config' });
    expect(await store.openIncidentFor(monitor.id)).toBeUndefined();
    const { incident, created } = await store.openIncident({ monitorId: monitor.id, openedAt: 1000, reason: 'status 503', failures: 2 });
    expect(created).toBe(true);
    expect(await store.openIncidentFor(monitor.id)).toEqual(incident);
    expect(await store.openIncident({ monitorId: monitor.id, openedAt: 2000, reason: 'again', failures: 3 })).toEqual({ incident, created: false });
    const closed = await store.closeIncident(incident.id, 5000);
    expect(closed).toMatchObject({ closedAt: 5000, reason: 'status 503', failures: 2 });
    expect(await store.closeIncident(incident.id, 6000)).toBeUndefined();
    expect(await store.openIncidentFor(monitor.id)).toBeUndefined();
    expect(await store.listIncidents()).toEqual([closed]);
    const next = await store.openIncident({ monitorId: monitor.id, openedAt: 7000, reason: 'down again', failures: 1 });
    expect(next.created).toBe(true);
    expect(next.incident.id).not.toBe(incident.id);
  });

  it('opens one incident when two connections open one for the same monitor at once', async () => {
    const monitor = await store.upsertMonitor({ name: 'race', definition: {}, source: 'config' });
    const other = await openStore(handle.url);
    try {
      for (let round = 0; round < 5; round++) {
        const opened = await Promise.all(
          [store, other, store, other].map((s, i) => s.openIncident({ monitorId: monitor.id, openedAt: round * 10 + i, reason: `worker ${i}`, failures: 1 })),
        );
        expect(opened.filter((o) => o.created)).toHaveLength(1);
        expect(new Set(opened.map((o) => o.incident.id)).size).toBe(1);
        const id = opened[0]?.incident.id ?? -1;
        const closed = await Promise.all([store.closeIncident(id, round * 10 + 9), other.closeIncident(id, round * 10 + 9)]);
        expect(closed.filter((c) => c !== undefined)).toHaveLength(1);
      }
      expect(await store.listIncidents({ monitorId: monitor.id })).toHaveLength(5);
    } finally {
      await other.close();
    }
  });

  it('records every alert delivery with its result, by monitor and by incident', async () => {
    const monitor = await store.upsertMonitor({ name: 'a', definition: {}, source: 'config' });
    const { incident } = await store.openIncident({ monitorId: monitor.id, openedAt: 1, reason: 'down', failures: 1 });
    await store.addAlertDelivery({ monitorId: monitor.id, incidentId: incident.id, channel: 'ops', kind: 'failure', at: 10, attempt: 1, ok: false, result: 'ECONNREFUSED' });
    await store.addAlertDelivery({ monitorId: monitor.id, incidentId: incident.id, channel: 'ops', kind: 'failure', at: 20, attempt: 2, ok: true, result: 'HTTP 204' });
    const list = await store.listAlertDeliveries({ incidentId: incident.id });
    expect(list.map((d) => [d.attempt, d.ok, d.result])).toEqual([
      [2, true, 'HTTP 204'],
      [1, false, 'ECONNREFUSED'],
    ]);
    expect(await store.listAlertDeliveries({ monitorId: monitor.id + 1 })).toEqual([]);
  });

  it('records permission-change deliveries without an incident and finds them by subject', async () => {
    const monitor = await store.upsertMonitor({ name: 'perms', definition: {}, source: 'config' });
    const subject = 'permission:7:GET /admin/stats:reader';
    await store.addAlertDelivery({ monitorId: monitor.id, incidentId: null, subject, channel: 'hook', kind: 'permission-change', at: 10, attempt: 1, ok: true, result: 'HTTP 204' });
    await store.addAlertDelivery({ monitorId: monitor.id, incidentId: null, subject: 'permission:7:GET /admin/stats:writer', channel: 'hook', kind: 'permission-change', at: 11, attempt: 1, ok: true, result: 'HTTP 204' });
    const found = await store.listAlertDeliveries({ subject });
    expect(found).toEqual([{ id: found[0]?.id, monitorId: monitor.id, incidentId: null, subject, channel: 'hook', kind: 'permission-change', at: 10, attempt: 1, ok: true, result: 'HTTP 204' }]);
    expect(await store.listAlertDeliveries({ subject: 'permission:8:GET /admin/stats:reader' })).toEqual([]);
  });

  it('stores report JSON with its scorecard and lists summaries without the body', async () => {
    const report = { schema: 'faultline/report@1', findings: [{ check: 'x', cause: 'permissions' }] };
    const saved = await store.addReport({ monitorName: 'nightly', kind: 'audit', createdAt: 100, report, scorecard: { permissions: 1 }, findings: 1 });
    await store.addReport({ monitorName: 'lint', kind: 'lint', createdAt: 200, report: { findings: [] }, scorecard: {}, findings: 0 });
    expect((await store.getReport(saved.id))?.report).toEqual(report);
    const list = await store.listReports();
    expect(list.map((r) => r.kind)).toEqual(['lint', 'audit']);
    expect(list[1]).toEqual({ id: saved.id, monitorName: 'nightly', kind: 'audit', createdAt: 100, scorecard: { permissions: 1 }, findings: 1 });
    expect(await store.listReports({ monitorName: 'nightly' })).toHaveLength(1);
  });

  it('keeps users, sessions that expire and API tokens looked up by hash', async () => {
    expect(await store.countUsers()).toBe(0);
    const admin = await store.createUser({ username: 'admin', passwordHash: 'scrypt$x', role: 'admin', createdAt: 1 });
    expect(await store.getUserByName('admin')).toEqual(admin);
    await expect(store.createUser({ username: 'admin', passwordHash: 'y', role: 'viewer', createdAt: 2 })).rejects.toThrow();
    await store.createSession({ idHash: 'h1', userId: admin.id, csrfToken: 'c1', createdAt: 1, expiresAt: 100 });
    await store.createSession({ idHash: 'h2', userId: admin.id, csrfToken: 'c2', createdAt: 1, expiresAt: 300 });
    expect(await store.getSession('h1')).toEqual({ idHash: 'h1', userId: admin.id, csrfToken: 'c1', createdAt: 1, expiresAt: 100 });
    expect(await store.deleteExpiredSessions(200)).toBe(1);
    expect(await store.getSession('h1')).toBeUndefined();
    await store.deleteSession('h2');
    expect(await store.getSession('h2')).toBeUndefined();
    const token = await store.createApiToken({ userId: admin.id, name: 'ci', tokenHash: 'th', createdAt: 5 });
    expect(await store.getApiTokenByHash('th')).toEqual(token);
    expect(await store.listApiTokens(admin.id)).toEqual([token]);
    expect(await store.deleteApiToken(token.id)).toBe(true);
    expect(await store.getApiTokenByHash('th')).toBeUndefined();
  });

  it('prunes results older than the retention age and beyond the per-monitor cap, newest kept', async () => {
    const now = Date.UTC(2026, 5, 1);
    const day = 86_400_000;
    const a = await store.upsertMonitor({ name: 'a', definition: {}, source: 'config' });
    const b = await store.upsertMonitor({ name: 'b', definition: {}, source: 'config' });
    for (let i = 0; i < 10; i++) {
      await store.addResult({ monitorId: a.id, startedAt: now - i * day, durationMs: 1, ok: true, status: 200, error: null, lagMs: 0, detail: null });
      // b has ten results in the same millisecond: the cap must still keep exactly three.
      await store.addResult({ monitorId: b.id, startedAt: now, durationMs: 1, ok: true, status: 200, error: null, lagMs: 0, detail: null });
    }
    expect(await store.prune({ maxAgeDays: 7 }, now)).toBe(2);
    expect(await store.listResults({ monitorId: a.id })).toHaveLength(8);
    expect(await store.prune({ maxPerMonitor: 3 }, now)).toBe(5 + 7);
    const kept = await store.listResults({ monitorId: a.id });
    expect(kept.map((r) => r.startedAt)).toEqual([now, now - day, now - 2 * day]);
    expect(await store.listResults({ monitorId: b.id })).toHaveLength(3);
  });

  it('answers ping while open', async () => {
    expect(await store.ping()).toBe(true);
  });
});
