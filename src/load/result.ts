import { encodeHistogram, mergeEncoded, percentileMs, summarize, type Histogram, type LatencySummary } from './histogram.js';
import type { OperationCounts, ShareResult } from './recorder.js';
import { bucketPercentileMs, mergeTimelines, type SecondCounts } from './timeline.js';
import type { ThresholdSubject } from './thresholds.js';
import type { Executor, Share } from './types.js';

export interface OperationStats {
  /** The operation, or '(all)' for the whole run. */
  readonly name: string;
  readonly sent: number;
  readonly completed: number;
  readonly responses: number;
  readonly failed: number;
  readonly dropped: number;
  readonly bytes: number;
  readonly errorRate: number;
  readonly droppedRate: number;
  readonly throughputPerSecond: number;
  readonly latencyMs: LatencySummary;
  readonly statuses: Readonly<Record<string, number>>;
  readonly errors: Readonly<Record<string, number>>;
  /** The merged HDR histogram (µs), compressed base64, so anyone can recompute any percentile. */
  readonly histogram: string;
}

export interface SecondStats {
  readonly second: number;
  readonly sent: number;
  readonly completed: number;
  readonly failed: number;
  readonly dropped: number;
  /** Approximate per-second latency (log buckets about 9% wide); the run's figures are exact. */
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
}

/** What one thread or remote worker contributed. */
export interface ContributorStats {
  readonly id: string;
  readonly share: Share;
  readonly status: 'ok' | 'dead' | 'aborted';
  readonly planned: number;
  readonly completed: number;
  /** Iterations of its share that were neither sent nor dropped (a dead worker's lost share). */
  readonly lost: number;
  readonly histogram: string;
  readonly detail?: string;
}

/** `load.json`: everything one run measured (schema faultline/load@1). */
export interface LoadResult {
  readonly schema: 'faultline/load@1';
  readonly target: string;
  readonly executor: Executor;
  readonly model: 'open' | 'closed';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  /** Iterations the schedule asked for (open model) or that the VUs started (closed model). */
  readonly planned: number;
  readonly total: OperationStats;
  readonly operations: readonly OperationStats[];
  readonly timeline: readonly SecondStats[];
  readonly contributors: readonly ContributorStats[];
  readonly maxOpenConnections: number;
  /** CPU the generator used during the run (this process, all its threads), when measured. */
  readonly generator?: { readonly threads: number; readonly cpuUserMs: number; readonly cpuSystemMs: number; readonly requestsPerCpuSecond: number };
  readonly notes: readonly string[];
}

export interface Contribution {
  readonly id: string;
  readonly result: ShareResult;
  readonly status?: 'ok' | 'dead';
  /** Iterations this contributor owned in the plan; the part it did not finish counts as lost when it died. */
  readonly owned?: number;
  readonly detail?: string;
}

function sumRecords(records: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const record of records) for (const [key, value] of Object.entries(record)) sum[key] = (sum[key] ?? 0) + value;
  return sum;
}

function stats(name: string, parts: readonly OperationCounts[], histogram: Histogram, seconds: number): OperationStats {
  const total = (pick: (c: OperationCounts) => number) => parts.reduce((sum, part) => sum + pick(part), 0);
  const sent = total((c) => c.sent);
  const completed = total((c) => c.completed);
  const responses = total((c) => c.responses);
  const failed = total((c) => c.failed);
  const dropped = total((c) => c.dropped);
  return {
    name,
    sent,
    completed,
    responses,
    failed,
    dropped,
    bytes: total((c) => c.bytes),
    errorRate: completed === 0 ? 0 : failed / completed,
    droppedRate: sent + dropped === 0 ? 0 : dropped / (sent + dropped),
    throughputPerSecond: seconds > 0 ? responses / seconds : 0,
    latencyMs: summarize(histogram),
    statuses: sumRecords(parts.map((c) => c.statuses)),
    errors: sumRecords(parts.map((c) => c.errors)),
    histogram: encodeHistogram(histogram),
  };
}

/**
 * Merge what every thread and worker measured into one result. Histograms are added bucket by
 * bucket, so the merged percentiles are exactly those of one histogram fed every latency.
 */
export function mergeResults(input: { readonly target: string; readonly executor: Executor; readonly contributions: readonly Contribution[]; readonly notes?: readonly string[]; readonly cpu?: { readonly threads: number; readonly user: number; readonly system: number } }): LoadResult {
  const results = input.contributions.map((c) => c.result);
  const startedAt = Math.min(...results.map((r) => r.startedAt));
  const finishedAt = Math.max(...results.map((r) => r.finishedAt));
  const seconds = Math.max(0.001, (finishedAt - startedAt) / 1000);
  const names = [...new Set(results.flatMap((r) => r.operations.map((o) => o.name)))];
  const operationHistograms = new Map(names.map((name) => [name, mergeEncoded(results.flatMap((r) => r.operations.filter((o) => o.name === name).map((o) => o.histogram)))]));
  const operations = names.map((name) => stats(name, results.flatMap((r) => r.operations.filter((o) => o.name === name)), operationHistograms.get(name)!, seconds));
  const all = mergeEncoded(operations.map((o) => o.histogram));
  const total = stats('(all)', results.flatMap((r) => r.operations), all, seconds);
  const notes = [...(input.notes ?? [])];
  const contributors = input.contributions.map((c): ContributorStats => {
    const completed = c.result.operations.reduce((sum, o) => sum + o.completed, 0);
    const accounted = c.result.operations.reduce((sum, o) => sum + o.sent + o.dropped, 0);
    const status = c.status === 'dead' ? 'dead' : c.result.aborted ? 'aborted' : 'ok';
    const lost = c.status === 'dead' ? Math.max(0, (c.owned ?? c.result.planned) - accounted) : 0;
    return {
      id: c.id,
      share: c.result.share,
      status,
      planned: c.owned ?? c.result.planned,
      completed,
      lost,
      histogram: encodeHistogram(mergeEncoded(c.result.operations.map((o) => o.histogram))),
      ...(c.detail ?? c.result.aborted ? { detail: c.detail ?? c.result.aborted } : {}),
    };
  });
  const planned = input.contributions.reduce((sum, c) => sum + (c.owned ?? c.result.planned), 0);
  const timeline = mergeTimelines(results.map((r) => r.timeline)).map(toSecondStats);
  return {
    schema: 'faultline/load@1',
    target: input.target,
    executor: input.executor,
    model: input.executor.kind.endsWith('arrival-rate') ? 'open' : 'closed',
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    durationMs: finishedAt - startedAt,
    planned,
    total,
    operations,
    timeline,
    contributors,
    maxOpenConnections: results.reduce((sum, r) => sum + r.maxOpenConnections, 0),
    ...(input.cpu
      ? { generator: { threads: input.cpu.threads, cpuUserMs: Math.round(input.cpu.user / 1000), cpuSystemMs: Math.round(input.cpu.system / 1000), requestsPerCpuSecond: Math.round(total.completed / Math.max(1e-6, (input.cpu.user + input.cpu.system) / 1e6)) } }
      : {}),
    notes,
  };
}

function toSecondStats(second: SecondCounts): SecondStats {
  return {
    second: second.second,
    sent: second.sent,
    completed: second.completed,
    failed: second.failed,
    dropped: second.dropped,
    p50Ms: round(bucketPercentileMs(second.latency, 50)),
    p90Ms: round(bucketPercentileMs(second.latency, 90)),
    p99Ms: round(bucketPercentileMs(second.latency, 99)),
  };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** The figures thresholds read, for the run (`operation` null) or one operation. */
export function thresholdSubject(result: LoadResult, operation: string | null): ThresholdSubject | undefined {
  const stats = operation === null ? result.total : result.operations.find((o) => o.name === operation);
  if (!stats) return undefined;
  let histogram: Histogram | undefined;
  return {
    latencyMs: stats.latencyMs,
    percentileMs(percentile) {
      histogram ??= mergeEncoded([stats.histogram]);
      return percentileMs(histogram, percentile);
    },
    errorRate: stats.errorRate,
    droppedRate: stats.droppedRate,
    throughputPerSecond: stats.throughputPerSecond,
    count: stats.completed,
  };
}
