import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, encodeHistogram } from './histogram.js';
import { evaluateThresholds, latencyCollapse, loadFindings, loadReport } from './findings.js';
import { mergeResults, type LoadResult } from './result.js';
import { parseThreshold } from './thresholds.js';
import type { SecondCounts } from './timeline.js';
import type { RequestTemplate } from './types.js';

function encoded(latencyMicroseconds: number, count: number): string {
  const histogram = createLatencyHistogram();
  histogram.recordValueWithCount(latencyMicroseconds, count);
  return encodeHistogram(histogram);
}

function run(timeline: SecondCounts[] = [], dropped = 0): LoadResult {
  const op = (name: string, latency: number) => ({ name, sent: 100, completed: 100, responses: 100, failed: 0, dropped, bytes: 0, statuses: { '200': 100 }, errors: {}, histogram: encoded(latency, 100) });
  return mergeResults({
    target: 'http://127.0.0.1:9/api',
    executor: { kind: 'constant-arrival-rate', ratePerSecond: 100, durationMs: 2000 },
    contributions: [{ id: 't0', result: { share: { index: 0, count: 1 }, startedAt: 0, finishedAt: 2000, planned: 200, operations: [op('GET /fast', 5_000), op('GET /slow', 900_000)], timeline, maxOpenConnections: 3 } }],
  });
}

const templates: RequestTemplate[] = [
  { name: 'GET /fast', method: 'GET', path: '/fast', headers: {}, weight: 1 },
  { name: 'GET /slow', method: 'GET', path: '/slow', headers: { authorization: 'Bearer t' }, weight: 1 },
];

describe('loadFindings', () => {
  it('names the operation that breaks a run-wide threshold, with a curl line to repeat its request', () => {
    const result = run();
    const thresholds = [parseThreshold('p95<300ms'), parseThreshold('errors<1%')];
    const outcomes = evaluateThresholds(result, thresholds);
    expect(outcomes.map((o) => o.passed)).toEqual([false, true]);
    const findings = loadFindings(result, thresholds, outcomes, templates);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'load.threshold', cause: 'insufficient-testing', severity: 'high', operation: 'GET /slow' });
    expect(findings[0]!.detail).toMatch(/GET \/slow measured 900(\.\d)? ms against p95<300ms/);
    expect(findings[0]!.evidence[0]!.curl).toMatch(/127\.0\.0\.1:9\/api\/slow/);
  });

  it('checks a scoped threshold on its operation only', () => {
    const result = run();
    const thresholds = [parseThreshold('GET /fast: p99<10ms')];
    expect(evaluateThresholds(result, thresholds)[0]).toMatchObject({ passed: true, operation: 'GET /fast' });
  });

  it('reports latency that climbs through the run, and a target that fell behind the schedule', () => {
    const seconds = Array.from({ length: 9 }, (_, second) => ({ second, sent: 100, completed: 100, failed: 0, dropped: 0, latency: [[second < 3 ? 80 : second < 6 ? 110 : 150, 100]] as Array<[number, number]> }));
    expect(latencyCollapse(run(seconds))).toMatch(/p90 latency rose from about \d+ ms .* to about \d+ ms/);
    expect(latencyCollapse(run(seconds.map((s) => ({ ...s, latency: [[80, 100]] as Array<[number, number]> }))))).toBeNull();
    expect(latencyCollapse(run([], 50))).toMatch(/fell behind the schedule: 100 of 200 planned requests/);
  });

  it('fills the shared report shape with kind load and the run figures', () => {
    const result = run();
    const report = loadReport(result, []);
    expect(report).toMatchObject({ schema: 'faultline/report@1', kind: 'load', target: 'http://127.0.0.1:9/api', stats: { requests: 200, planned: 200 } });
  });
});
