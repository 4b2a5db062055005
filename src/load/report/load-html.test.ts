import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, encodeHistogram } from '../histogram.js';
import { mergeResults } from '../result.js';
import { renderLoadHtml, renderLoadJson } from './load-html.js';
import { renderLoadText } from './load-text.js';

const histogram = createLatencyHistogram();
histogram.recordValueWithCount(2500, 10);
const result = mergeResults({
  target: 'http://127.0.0.1:9/',
  executor: { kind: 'ramping-arrival-rate', startRatePerSecond: 0, stages: [{ durationMs: 2000, target: 10 }] },
  contributions: [{
    id: 't0',
    result: {
      share: { index: 0, count: 1 },
      startedAt: 0,
      finishedAt: 2000,
      planned: 10,
      operations: [{ name: 'GET /<script>alert(1)</script>', sent: 10, completed: 10, responses: 10, failed: 0, dropped: 0, bytes: 0, statuses: { '200': 10 }, errors: {}, histogram: encodeHistogram(histogram) }],
      timeline: [{ second: 0, sent: 4, completed: 4, failed: 0, dropped: 0, latency: [[90, 4]] }, { second: 1, sent: 6, completed: 6, failed: 0, dropped: 0, latency: [[95, 6]] }],
      maxOpenConnections: 1,
    },
  }],
});
const outcomes = [{ threshold: 'p95<1ms', operation: null, observed: 2.5, observedText: '2.5 ms', passed: false }];

describe('load reports', () => {
  it('renders one self-contained page: inline SVG charts, no scripts, nothing fetched, names escaped', () => {
    const html = renderLoadHtml(result, outcomes);
    expect(html).toMatch(/<svg[^>]+aria-label="Latency over time"/);
    expect(html).toMatch(/<svg[^>]+aria-label="Throughput"/);
    expect(html).toMatch(/<polyline points="[\d., ]+"/);
    expect(html).not.toMatch(/<script/);
    expect(html).not.toMatch(/(src|href)=/);
    expect(html).toContain('GET /&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/1 of 1 thresholds failed/);
  });

  it('writes load.json with the result and the threshold outcomes', () => {
    const json = JSON.parse(renderLoadJson(result, outcomes));
    expect(json.schema).toBe('faultline/load@1');
    expect(json.thresholds).toEqual(outcomes);
    expect(json.total.latencyMs.p50).toBeCloseTo(2.5, 1);
  });

  it('summarises the run for the terminal with the failed threshold marked', () => {
    const text = renderLoadText(result, outcomes);
    expect(text).toMatch(/ramping-arrival-rate from 0\/s through 2s:10 \(open model\)/);
    expect(text).toMatch(/✗ p95<1ms {2}2\.5 ms {2}FAILED/);
  });
});
