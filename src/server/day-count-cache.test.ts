import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempSqlite } from '../store/test-stores.js';
import type { TestStore } from '../store/test-stores.js';
import { withDayCountCache } from './day-count-cache.js';

const day = 86_400_000;

describe('withDayCountCache', () => {
  let handle: TestStore;
  beforeEach(async () => {
    handle = await openTempSqlite();
  });
  afterEach(async () => {
    await handle.dispose();
  });

  it('counts past days once a day and today on every read', async () => {
    const { store } = handle;
    const monitor = await store.upsertMonitor({ name: 'm', definition: {}, source: 'config' });
    const today = Date.UTC(2026, 11, 6);
    let now = today + 3_600_000;
    const add = (startedAt: number, ok: boolean) => store.addResult({ monitorId: monitor.id, startedAt, durationMs: 1, ok, status: 200, error: null, lagMs: 0, detail: null });
    await add(today - day + 5, true);
    await add(today + 5, false);
    const cached = withDayCountCache(store, () => now);
    const from = today - 2 * day;
    expect(await cached.dailyCounts({ monitorId: monitor.id, from })).toEqual([
      { day: today - day, ok: 1, failed: 0 },
      { day: today, ok: 0, failed: 1 },
    ]);

    // A late result for yesterday waits for the next day; today's shows at once.
    await add(today - day + 10, false);
    await add(today + 10, true);
    expect(await cached.dailyCounts({ monitorId: monitor.id, from })).toEqual([
      { day: today - day, ok: 1, failed: 0 },
      { day: today, ok: 1, failed: 1 },
    ]);
    now += day;
    expect(await cached.dailyCounts({ monitorId: monitor.id, from: from + day })).toEqual([
      { day: today - day, ok: 1, failed: 1 },
      { day: today, ok: 1, failed: 1 },
    ]);
    // Everything else goes straight to the store.
    expect(await cached.countResults({ monitorId: monitor.id, since: 0 })).toEqual({ ok: 2, failed: 2 });
  });
});
