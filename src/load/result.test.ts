import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, decodeHistogram, encodeHistogram } from './histogram.js';
import type { ShareResult } from './recorder.js';
import { mergeResults, thresholdSubject } from './result.js';

function share(index: number, count: number, latencies: number[], extra: Partial<ShareResult['operations'][number]> = {}): ShareResult {
  const histogram = createLatencyHistogram();
  for (const value of latencies) histogram.recordValue(value);
  return {
    share: { index, count },
    startedAt: 1_000_000,
    finishedAt: 1_002_000,
    planned: latencies.length,
    operations: [{ name: 'GET /a', sent: latencies.length, completed: latencies.length, responses: latencies.length, failed: 0, dropped: 0, bytes: 10 * latencies.length, statuses: { '200': latencies.length }, errors: {}, histogram: encodeHistogram(histogram), ...extra }],
    timeline: [{ second: 0, sent: latencies.length, completed: latencies.length, failed: 0, dropped: 0, latency: [[10, latencies.length]] }],
    maxOpenConnections: 5,
  };
}

describe('mergeResults', () => {
  it('merges histograms exactly: the merge equals one histogram fed every latency', () => {
    const a = Array.from({ length: 1000 }, (_, i) => 100 + i * 7);
    const b = Array.from({ length: 500 }, (_, i) => 50_000 + i * 311);
    const merged = mergeResults({ target: 'http://127.0.0.1:1', executor: { kind: 'constant-arrival-rate', ratePerSecond: 750, durationMs: 2000 }, contributions: [{ id: 't0', result: share(0, 2, a) }, { id: 't1', result: share(1, 2, b) }] });
    const single = createLatencyHistogram();
    for (const value of [...a, ...b]) single.recordValue(value);
    const fromFile = decodeHistogram(merged.total.histogram);
    for (const p of [1, 50, 90, 99, 99.9, 100]) expect(fromFile.getValueAtPercentile(p)).toBe(single.getValueAtPercentile(p));
    expect(merged.total.completed).toBe(1500);
    expect(merged.total.statuses).toEqual({ '200': 1500 });
    expect(merged.timeline[0]).toMatchObject({ second: 0, completed: 1500 });
    expect(merged.total.latencyMs.p50).toBeCloseTo(single.getValueAtPercentile(50) / 1000, 3);
    expect(merged.planned).toBe(1500);
    expect(merged.maxOpenConnections).toBe(10);
  });

  it('counts what a dead contributor did not send as lost', () => {
    const merged = mergeResults({
      target: 'http://127.0.0.1:1',
      executor: { kind: 'constant-arrival-rate', ratePerSecond: 100, durationMs: 10_000 },
      contributions: [{ id: 'w0', result: share(0, 2, [1, 2, 3]), status: 'dead', owned: 500, detail: 'no heartbeat for 5 s' }, { id: 'w1', result: share(1, 2, Array(500).fill(5)), owned: 500 }],
    });
    expect(merged.contributors.map((c) => [c.status, c.planned, c.lost])).toEqual([['dead', 500, 497], ['ok', 500, 0]]);
    expect(merged.planned).toBe(1000);
  });

  it('gives thresholds the run or one operation, and nothing for an operation it does not know', () => {
    const merged = mergeResults({ target: 'http://x', executor: { kind: 'constant-vus', vus: 1, durationMs: 1000 }, contributions: [{ id: 't0', result: share(0, 1, [1000, 2000, 3000], { failed: 1 }) }] });
    expect(thresholdSubject(merged, null)?.errorRate).toBeCloseTo(1 / 3);
    expect(thresholdSubject(merged, 'GET /a')?.percentileMs(100)).toBeCloseTo(3, 2);
    expect(thresholdSubject(merged, 'GET /b')).toBeUndefined();
  });
});
