import type { DayCount, Store } from '../store/types.js';

const day = 86_400_000;

/**
 * The store as the dashboard reads it, with per-day counts of past days kept in memory: the overview
 * redraws every 2 s, and counting 90 days of a 10 s monitor (780,000 results) each time would cost
 * hundreds of milliseconds a monitor. Past days are counted once per day; today is always counted
 * afresh. Results written late for an earlier day (kept in memory through a database outage) show in
 * its segment from the next UTC day on.
 */
export function withDayCountCache(store: Store, now: () => number = Date.now): Store {
  let cachedToday = 0;
  const past = new Map<string, DayCount[]>();
  async function dailyCounts(query: { monitorId: number; from: number }): Promise<DayCount[]> {
    const today = Math.floor(now() / day) * day;
    if (query.from >= today || query.from % day !== 0) return store.dailyCounts(query);
    if (today !== cachedToday) {
      past.clear();
      cachedToday = today;
    }
    const key = `${query.monitorId}:${query.from}`;
    let counts = past.get(key);
    if (!counts) {
      counts = (await store.dailyCounts(query)).filter((c) => c.day < today);
      past.set(key, counts);
    }
    return [...counts, ...(await store.dailyCounts({ monitorId: query.monitorId, from: today }))];
  }
  return new Proxy(store, { get: (target, property, receiver) => (property === 'dailyCounts' ? dailyCounts : Reflect.get(target, property, receiver)) });
}
