import type { TransportErrorCode } from '../http/types.js';
import { createLatencyHistogram, encodeHistogram, type Histogram } from './histogram.js';
import { bucketCount, bucketOf, Timeline, type SecondCounts } from './timeline.js';
import type { Share } from './types.js';

/** Counts for one template (operation) from one thread or worker; plain data that crosses threads. */
export interface OperationCounts {
  readonly name: string;
  sent: number;
  /** Finished iterations: responses plus transport errors. */
  completed: number;
  responses: number;
  /** Transport errors, or a status outside 200–399 (k6's default for a failed request). */
  failed: number;
  dropped: number;
  bytes: number;
  statuses: Record<string, number>;
  errors: Record<string, number>;
  /** HDR histogram of response latencies (µs, from the due time), compressed base64. */
  histogram: string;
}

/** What one thread or worker measured for its share of the run. */
export interface ShareResult {
  readonly share: Share;
  /** Epoch ms of the run's start (shared by every share) and when this share finished. */
  readonly startedAt: number;
  readonly finishedAt: number;
  /** Iterations this share was asked for (arrival-rate) or started (VUs). */
  readonly planned: number;
  readonly operations: readonly OperationCounts[];
  readonly timeline: readonly SecondCounts[];
  readonly maxOpenConnections: number;
  /** Set when the share stopped early, with the reason. */
  readonly aborted?: string;
}

/** Cumulative counts plus the latencies seen since the last progress report. */
export interface Progress {
  readonly elapsedMs: number;
  readonly sent: number;
  readonly completed: number;
  readonly failed: number;
  readonly dropped: number;
  readonly pending: number;
  /** Latency buckets (see timeline.ts) of responses since the previous report. */
  readonly window: readonly number[];
}

interface Slot {
  readonly counts: OperationCounts;
  readonly histogram: Histogram;
  readonly statuses: Map<number, number>;
  readonly errors: Map<string, number>;
}

/** Where one thread records what happens; cheap enough to call once per request at full speed. */
export class Recorder {
  private readonly slots: Slot[];
  private readonly timeline = new Timeline();
  private window = new Uint32Array(bucketCount);
  sent = 0;
  completed = 0;
  failed = 0;
  dropped = 0;
  responses = 0;
  transportErrors = 0;
  lastError: TransportErrorCode | null = null;

  constructor(names: readonly string[], private readonly t0: number) {
    this.slots = names.map((name) => ({
      counts: { name, sent: 0, completed: 0, responses: 0, failed: 0, dropped: 0, bytes: 0, statuses: {}, errors: {}, histogram: '' },
      histogram: createLatencyHistogram(),
      statuses: new Map(),
      errors: new Map(),
    }));
  }

  private second(at: number): number {
    // Rounded to the microsecond first: (t0 + 1000) - t0 can come out as 999.9999 when t0 is a large
    // float, which would put an iteration due exactly on a second boundary into the second before.
    return Math.max(0, Math.floor(Math.round((at - this.t0) * 1000) / 1_000_000));
  }

  recordSent(request: number, dueAt: number): void {
    this.sent++;
    this.slots[request]!.counts.sent++;
    this.timeline.sent(this.second(dueAt));
  }

  recordDropped(request: number, dueAt: number): void {
    this.dropped++;
    this.slots[request]!.counts.dropped++;
    this.timeline.dropped(this.second(dueAt));
  }

  recordDone(request: number, dueAt: number, status: number, error: TransportErrorCode | null, bytes: number, now: number): void {
    const slot = this.slots[request]!;
    const counts = slot.counts;
    counts.completed++;
    this.completed++;
    counts.bytes += bytes;
    const isFailed = error !== null || status < 200 || status >= 400;
    if (isFailed) {
      counts.failed++;
      this.failed++;
    }
    if (error !== null) {
      this.transportErrors++;
      this.lastError = error;
      slot.errors.set(error, (slot.errors.get(error) ?? 0) + 1);
      this.timeline.completed(this.second(now), -1, true);
      return;
    }
    this.responses++;
    counts.responses++;
    slot.statuses.set(status, (slot.statuses.get(status) ?? 0) + 1);
    const microseconds = Math.max(0, Math.round((now - dueAt) * 1000));
    slot.histogram.recordValue(microseconds);
    this.window[bucketOf(microseconds)]!++;
    this.timeline.completed(this.second(now), microseconds, isFailed);
  }

  /** The latencies since the previous call, and a fresh window. */
  takeWindow(): number[] {
    const window = Array.from(this.window);
    this.window.fill(0);
    return window;
  }

  result(share: Share, startedAt: number, planned: number, maxOpenConnections: number, aborted?: string): ShareResult {
    const operations = this.slots.map(({ counts, histogram, statuses, errors }) => ({
      ...counts,
      statuses: Object.fromEntries([...statuses].map(([status, count]) => [String(status), count])),
      errors: Object.fromEntries(errors),
      histogram: encodeHistogram(histogram),
    }));
    return { share, startedAt, finishedAt: Date.now(), planned, operations, timeline: this.timeline.toJSON(), maxOpenConnections, ...(aborted ? { aborted } : {}) };
  }
}
