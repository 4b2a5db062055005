import type { Evidence, Finding, Report } from '../core/finding.js';
import { faultlineVersion } from '../core/version.js';
import { toCurl } from '../http/to-curl.js';
import { thresholdSubject, type LoadResult } from './result.js';
import { formatObserved, holds, observe, type Threshold } from './thresholds.js';
import type { RequestTemplate } from './types.js';

export interface ThresholdOutcome {
  readonly threshold: string;
  /** The operation it was checked on, or null for the whole run. */
  readonly operation: string | null;
  readonly observed: number;
  readonly observedText: string;
  readonly passed: boolean;
}

/**
 * Check each threshold on the run, or on its operation when it names one; an unscoped threshold that
 * fails is also checked on each operation, so the finding can say which operation broke it.
 */
export function evaluateThresholds(result: LoadResult, thresholds: readonly Threshold[]): ThresholdOutcome[] {
  const outcomes: ThresholdOutcome[] = [];
  for (const threshold of thresholds) {
    const subject = thresholdSubject(result, threshold.operation);
    if (!subject) {
      outcomes.push({ threshold: threshold.source, operation: threshold.operation, observed: Number.NaN, observedText: 'no such operation in the run', passed: false });
      continue;
    }
    const observed = observe(threshold, subject);
    outcomes.push({ threshold: threshold.source, operation: threshold.operation, observed, observedText: formatObserved(threshold, observed), passed: holds(threshold.comparison, observed, threshold.value) });
  }
  return outcomes;
}

const thresholdRemedy =
  'Find what the slow or failing operation waits on under this load (connection pools, locks, unindexed queries, synchronous work on the event loop), fix it or scale it, and keep this threshold in CI so the regression cannot come back.';
const collapseRemedy =
  'Load the API below this rate to find where latency starts to climb, then find the resource requests queue on (a pool, a lock, a single worker); make it wider, or shed load early with 429 and Retry-After instead of queueing.';

/** Findings in the shared report shape: broken thresholds and latency that collapsed during the run. */
export function loadFindings(result: LoadResult, thresholds: readonly Threshold[], outcomes: readonly ThresholdOutcome[], templates: readonly RequestTemplate[]): Finding[] {
  const findings: Finding[] = [];
  const evidence = (operation: string | null): Evidence[] => {
    const template = templates.find((t) => t.name === operation);
    if (!template) return [];
    const url = `${result.target.replace(/\/+$/, '')}${template.path}`;
    const request = { method: template.method.toUpperCase(), url, headers: { ...template.headers }, ...(template.body !== undefined ? { body: template.body } : {}) };
    return [{ request, response: null, curl: toCurl(request), note: `one of the ${result.operations.find((o) => o.name === operation)?.sent ?? 0} requests sent for this operation` }];
  };
  outcomes.forEach((outcome, index) => {
    if (outcome.passed) return;
    const threshold = thresholds[index]!;
    let operations: (string | null)[] = [outcome.operation];
    if (outcome.operation === null) {
      if (result.operations.length === 1) operations = [result.operations[0]!.name];
      else {
        const failing = result.operations.filter((op) => {
          const subject = thresholdSubject(result, op.name);
          return subject && !holds(threshold.comparison, observe(threshold, subject), threshold.value);
        });
        if (failing.length > 0 && threshold.metric.kind !== 'rate' && threshold.metric.kind !== 'count') operations = failing.map((op) => op.name);
      }
    }
    for (const operation of operations) {
      const subject = operation === null ? undefined : thresholdSubject(result, operation);
      const own = subject ? formatObserved(threshold, observe(threshold, subject)) : outcome.observedText;
      const scope = outcome.operation === null ? `the run (${outcome.observedText} over all operations)` : outcome.operation;
      findings.push({
        check: 'load.threshold',
        cause: 'insufficient-testing',
        severity: 'high',
        operation,
        status: null,
        title: `Load threshold failed: ${threshold.source}`,
        detail: `${operation ?? 'The run'} measured ${own} against ${threshold.source} for ${scope}, at ${describeLoad(result)}.`,
        remedy: thresholdRemedy,
        evidence: evidence(operation),
      });
    }
  });
  const collapse = latencyCollapse(result);
  if (collapse) {
    findings.push({
      check: 'load.latency-collapse',
      cause: 'insufficient-testing',
      severity: 'medium',
      operation: result.operations.length === 1 ? result.operations[0]!.name : null,
      status: null,
      title: 'Latency collapsed under load',
      detail: `${collapse}, at ${describeLoad(result)}.`,
      remedy: collapseRemedy,
      evidence: result.operations.length === 1 ? evidence(result.operations[0]!.name) : [],
    });
  }
  return findings;
}

function describeLoad(result: LoadResult): string {
  const e = result.executor;
  if (e.kind === 'constant-arrival-rate') return `${e.ratePerSecond} requests/s planned for ${e.durationMs / 1000} s`;
  if (e.kind === 'ramping-arrival-rate') return `up to ${Math.max(e.startRatePerSecond, ...e.stages.map((s) => s.target))} requests/s planned`;
  if (e.kind === 'constant-vus') return `${e.vus} virtual users for ${e.durationMs / 1000} s`;
  return `up to ${Math.max(e.startVus, ...e.stages.map((s) => s.target))} virtual users`;
}

// Both must hold, so loopback noise at sub-millisecond latencies never counts as a collapse.
const collapseRatio = 4;
const collapseIncreaseMs = 250;

/** Why latency collapsed (late p90 far above early p90, or iterations dropped), or null. */
export function latencyCollapse(result: LoadResult): string | null {
  const seconds = result.timeline.filter((s) => s.completed - s.failed > 0);
  if (result.model === 'open' && result.total.dropped > 0 && result.total.droppedRate > 0.01) {
    return `the target fell behind the schedule: ${result.total.dropped} of ${result.planned} planned requests (${(result.total.droppedRate * 100).toFixed(1)}%) were dropped because ${result.maxOpenConnections} connections were all waiting`;
  }
  if (seconds.length < 6) return null;
  const third = Math.floor(seconds.length / 3);
  const early = median(seconds.slice(0, third).map((s) => s.p90Ms));
  const late = median(seconds.slice(-third).map((s) => s.p90Ms));
  if (late >= early * collapseRatio && late - early >= collapseIncreaseMs) {
    return `p90 latency rose from about ${early.toFixed(0)} ms in the first third of the run to about ${late.toFixed(0)} ms in the last third`;
  }
  return null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The run in the shared report shape (faultline/report@1, kind 'load'), for writeReports. */
export function loadReport(result: LoadResult, findings: readonly Finding[], options: { readonly spec?: Report['spec']; readonly notes?: readonly string[] } = {}): Report {
  const total = result.total;
  return {
    schema: 'faultline/report@1',
    tool: { name: 'faultline', version: faultlineVersion() },
    kind: 'load',
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    ...(options.spec ? { spec: options.spec } : {}),
    target: result.target,
    findings,
    stats: {
      planned: result.planned,
      requests: total.completed,
      responses: total.responses,
      failed: total.failed,
      dropped: total.dropped,
      durationMs: result.durationMs,
      throughputPerSecond: Math.round(total.throughputPerSecond * 10) / 10,
      p50Ms: total.latencyMs.p50,
      p90Ms: total.latencyMs.p90,
      p99Ms: total.latencyMs.p99,
      operations: result.operations.length,
    },
    notes: [...result.notes, ...(options.notes ?? [])],
  };
}
