import { build, decodeFromCompressedBase64, encodeIntoCompressedBase64, type Histogram } from 'hdr-histogram-js';

export type { Histogram };

/**
 * Latencies are recorded in microseconds: 1 µs resolution, 3 significant digits. The range starts at
 * a minute and grows by itself when a longer latency comes (a smaller array encodes and merges faster).
 */
export function createLatencyHistogram(): Histogram {
  return build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3, autoResize: true });
}

/** The compressed form HdrHistogram uses everywhere; it crosses threads and Redis and merges exactly. */
export function encodeHistogram(histogram: Histogram): string {
  return encodeIntoCompressedBase64(histogram);
}

export function decodeHistogram(encoded: string): Histogram {
  return decodeFromCompressedBase64(encoded);
}

/** Add encoded histograms together: counts per bucket sum, so percentiles of the merge are exact. */
export function mergeEncoded(encoded: readonly string[]): Histogram {
  const merged = createLatencyHistogram();
  for (const item of encoded) merged.add(decodeHistogram(item));
  return merged;
}

/** Latency figures in milliseconds, as reports and thresholds read them. */
export interface LatencySummary {
  readonly count: number;
  readonly min: number;
  readonly avg: number;
  readonly stdev: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

const toMs = (microseconds: number) => Math.round(microseconds) / 1000;

export function summarize(histogram: Histogram): LatencySummary {
  if (histogram.totalCount === 0) return { count: 0, min: 0, avg: 0, stdev: 0, p50: 0, p75: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
  return {
    count: histogram.totalCount,
    min: toMs(histogram.minNonZeroValue === Number.MAX_SAFE_INTEGER ? 0 : histogram.minNonZeroValue),
    avg: toMs(histogram.mean),
    stdev: toMs(histogram.stdDeviation),
    p50: toMs(histogram.getValueAtPercentile(50)),
    p75: toMs(histogram.getValueAtPercentile(75)),
    p90: toMs(histogram.getValueAtPercentile(90)),
    p95: toMs(histogram.getValueAtPercentile(95)),
    p99: toMs(histogram.getValueAtPercentile(99)),
    p999: toMs(histogram.getValueAtPercentile(99.9)),
    max: toMs(histogram.maxValue),
  };
}

/** Any percentile in milliseconds (thresholds may ask for p(99.99)). */
export function percentileMs(histogram: Histogram, percentile: number): number {
  return histogram.totalCount === 0 ? 0 : toMs(histogram.getValueAtPercentile(percentile));
}
