/**
 * Per-second counters for charts and the live view. Latency per second goes into coarse log-scale
 * buckets (about 9% wide) rather than a full HDR histogram per second, so memory stays small and flat
 * however long the run; the exact figures come from the run's HDR histograms.
 */
const bucketsPerDoubling = 8;
export const bucketCount = 256;

export function bucketOf(microseconds: number): number {
  if (microseconds < 1) return 0;
  const bucket = Math.floor(Math.log2(microseconds) * bucketsPerDoubling);
  return bucket < bucketCount ? bucket : bucketCount - 1;
}

/** The middle of a bucket, in milliseconds. */
export function bucketValueMs(bucket: number): number {
  return 2 ** ((bucket + 0.5) / bucketsPerDoubling) / 1000;
}

export interface SecondCounts {
  /** Seconds since the run's start. */
  readonly second: number;
  sent: number;
  completed: number;
  failed: number;
  dropped: number;
  /** Sparse latency buckets: [bucket, count] pairs. */
  latency: Array<[number, number]>;
}

export class Timeline {
  private readonly seconds = new Map<number, { sent: number; completed: number; failed: number; dropped: number; buckets: Uint32Array }>();

  private at(second: number) {
    let entry = this.seconds.get(second);
    if (!entry) {
      entry = { sent: 0, completed: 0, failed: 0, dropped: 0, buckets: new Uint32Array(bucketCount) };
      this.seconds.set(second, entry);
    }
    return entry;
  }

  sent(second: number): void {
    this.at(second).sent++;
  }

  dropped(second: number): void {
    this.at(second).dropped++;
  }

  completed(second: number, latencyMicroseconds: number, isFailed: boolean): void {
    const entry = this.at(second);
    entry.completed++;
    if (isFailed) entry.failed++;
    if (latencyMicroseconds >= 0) entry.buckets[bucketOf(latencyMicroseconds)]!++;
  }

  toJSON(): SecondCounts[] {
    return [...this.seconds.entries()].sort((a, b) => a[0] - b[0]).map(([second, entry]) => ({
      second,
      sent: entry.sent,
      completed: entry.completed,
      failed: entry.failed,
      dropped: entry.dropped,
      latency: sparse(entry.buckets),
    }));
  }
}

function sparse(buckets: Uint32Array): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < buckets.length; i++) if (buckets[i]! > 0) pairs.push([i, buckets[i]!]);
  return pairs;
}

/** Sum timelines second by second (threads and workers share the run's start). */
export function mergeTimelines(timelines: readonly (readonly SecondCounts[])[]): SecondCounts[] {
  const bySecond = new Map<number, SecondCounts & { dense: Map<number, number> }>();
  for (const timeline of timelines) {
    for (const item of timeline) {
      let entry = bySecond.get(item.second);
      if (!entry) {
        entry = { second: item.second, sent: 0, completed: 0, failed: 0, dropped: 0, latency: [], dense: new Map() };
        bySecond.set(item.second, entry);
      }
      entry.sent += item.sent;
      entry.completed += item.completed;
      entry.failed += item.failed;
      entry.dropped += item.dropped;
      for (const [bucket, count] of item.latency) entry.dense.set(bucket, (entry.dense.get(bucket) ?? 0) + count);
    }
  }
  return [...bySecond.values()].sort((a, b) => a.second - b.second).map(({ dense, ...rest }) => ({
    ...rest,
    latency: [...dense.entries()].sort((a, b) => a[0] - b[0]),
  }));
}

/** A percentile from sparse buckets, in ms (approximate: the bucket's middle). */
export function bucketPercentileMs(latency: readonly (readonly [number, number])[], percentile: number): number {
  const total = latency.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return 0;
  const rank = Math.max(1, Math.ceil((percentile / 100) * total));
  let seen = 0;
  for (const [bucket, count] of latency) {
    seen += count;
    if (seen >= rank) return bucketValueMs(bucket);
  }
  return bucketValueMs(latency[latency.length - 1]![0]);
}
