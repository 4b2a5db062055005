import { FaultlineError } from '../core/errors.js';

/**
 * Pass/fail criteria in k6's grammar: `p(95)<500`, `p95<300ms`, `avg<200`, `max<=2s`, `errors<1%`,
 * `rate>100/s`, `dropped<1%`, `count>=1000`, optionally for one operation: `GET /products: p95<300ms`.
 * Latencies are in ms unless a unit says otherwise; rates of errors and drops are fractions or percents.
 */
export type ThresholdMetric =
  | { readonly kind: 'latency'; readonly stat: 'min' | 'max' | 'avg' | 'med' | 'percentile'; readonly percentile?: number }
  | { readonly kind: 'errors' }
  | { readonly kind: 'dropped' }
  | { readonly kind: 'rate' }
  | { readonly kind: 'count' };

export type Comparison = '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface Threshold {
  /** As the user wrote it, for messages and findings. */
  readonly source: string;
  /** The operation it applies to, or null for the whole run. */
  readonly operation: string | null;
  readonly metric: ThresholdMetric;
  readonly comparison: Comparison;
  /** Milliseconds for latency, a fraction for errors and dropped, per second for rate. */
  readonly value: number;
}

/** The figures a threshold is checked against, for the run or one operation. */
export interface ThresholdSubject {
  readonly latencyMs: { readonly min: number; readonly max: number; readonly avg: number; readonly p50: number };
  percentileMs(percentile: number): number;
  readonly errorRate: number;
  readonly droppedRate: number;
  readonly throughputPerSecond: number;
  readonly count: number;
}

const latencyUnits: Record<string, number> = { us: 0.001, µs: 0.001, ms: 1, s: 1000, m: 60_000 };

function invalid(source: string, why: string): FaultlineError {
  return new FaultlineError('E_USAGE', `malformed threshold '${source}': ${why} (e.g. 'p95<300ms', 'p(99)<1s', 'avg<200', 'errors<1%', 'rate>100/s')`, { location: { field: '--threshold' } });
}

export function parseThreshold(source: string): Threshold {
  const scoped = /^\s*([A-Za-z]+\s+\/\S*)\s*:\s*(.+)$/.exec(source);
  const operation = scoped ? scoped[1]!.replace(/\s+/, ' ').replace(/^\w+/, (m) => m.toUpperCase()) : null;
  const expression = (scoped ? scoped[2]! : source).trim();
  const match = /^([A-Za-z_]+(?:\(\s*[\d.]+\s*\))?|p[\d.]+)\s*(<=|>=|==|!=|<|>)\s*(.+)$/.exec(expression);
  if (!match) throw invalid(source, 'expected METRIC OP VALUE');
  const [, rawMetric, comparison, rawValue] = match as unknown as [string, string, Comparison, string];
  const metric = parseMetric(rawMetric.replace(/\s+/g, '').toLowerCase(), source);
  return { source: source.trim(), operation, metric, comparison, value: parseValue(metric, rawValue.trim(), source) };
}

function parseMetric(name: string, source: string): ThresholdMetric {
  if (name === 'min' || name === 'max' || name === 'avg' || name === 'med') return { kind: 'latency', stat: name };
  const percentile = /^p\(([\d.]+)\)$/.exec(name) ?? /^p([\d.]+)$/.exec(name);
  if (percentile) {
    const value = Number(percentile[1]);
    if (!Number.isFinite(value) || value <= 0 || value > 100) throw invalid(source, `percentile ${percentile[1]} is not in (0, 100]`);
    return { kind: 'latency', stat: 'percentile', percentile: value };
  }
  if (name === 'errors' || name === 'error_rate' || name === 'http_req_failed') return { kind: 'errors' };
  if (name === 'dropped' || name === 'dropped_iterations') return { kind: 'dropped' };
  if (name === 'rate' || name === 'rps' || name === 'throughput') return { kind: 'rate' };
  if (name === 'count' || name === 'requests') return { kind: 'count' };
  throw invalid(source, `unknown metric '${name}'`);
}

function parseValue(metric: ThresholdMetric, raw: string, source: string): number {
  if (metric.kind === 'latency') {
    const match = /^(\d+(?:\.\d+)?)\s*(us|µs|ms|s|m)?$/.exec(raw);
    if (!match) throw invalid(source, `'${raw}' is not a duration`);
    return Number(match[1]) * latencyUnits[match[2] ?? 'ms']!;
  }
  if (metric.kind === 'errors' || metric.kind === 'dropped') {
    const match = /^(\d+(?:\.\d+)?)\s*(%)?$/.exec(raw);
    if (!match) throw invalid(source, `'${raw}' is not a rate`);
    const value = Number(match[1]);
    if (match[2]) return value / 100;
    if (value > 1) throw invalid(source, `'${raw}' is ambiguous: write a percentage (1%) or a fraction (0.01)`);
    return value;
  }
  const match = metric.kind === 'rate' ? /^(\d+(?:\.\d+)?)\s*(?:\/\s*s)?$/.exec(raw) : /^(\d+)$/.exec(raw);
  if (!match) throw invalid(source, `'${raw}' is not a ${metric.kind === 'rate' ? 'rate per second' : 'whole number'}`);
  return Number(match[1]);
}

export function observe(threshold: Threshold, subject: ThresholdSubject): number {
  const metric = threshold.metric;
  switch (metric.kind) {
    case 'latency':
      if (metric.stat === 'percentile') return subject.percentileMs(metric.percentile!);
      return metric.stat === 'med' ? subject.latencyMs.p50 : subject.latencyMs[metric.stat];
    case 'errors':
      return subject.errorRate;
    case 'dropped':
      return subject.droppedRate;
    case 'rate':
      return subject.throughputPerSecond;
    case 'count':
      return subject.count;
  }
}

export function holds(comparison: Comparison, observed: number, limit: number): boolean {
  switch (comparison) {
    case '<':
      return observed < limit;
    case '<=':
      return observed <= limit;
    case '>':
      return observed > limit;
    case '>=':
      return observed >= limit;
    case '==':
      return observed === limit;
    case '!=':
      return observed !== limit;
  }
}

/** A value as the threshold's metric is written: '812 ms', '3.2%', '480/s'. */
export function formatObserved(threshold: Threshold, value: number): string {
  switch (threshold.metric.kind) {
    case 'latency':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Number(value.toFixed(1))} ms`;
    case 'errors':
    case 'dropped':
      return `${Number((value * 100).toFixed(2))}%`;
    case 'rate':
      return `${Number(value.toFixed(1))}/s`;
    case 'count':
      return String(value);
  }
}
