import { describe, expect, it } from 'vitest';
import { formatObserved, holds, observe, parseThreshold, type ThresholdSubject } from './thresholds.js';

const subject: ThresholdSubject = {
  latencyMs: { min: 1, max: 2000, avg: 150, p50: 90 },
  percentileMs: (p) => (p >= 99 ? 980 : p >= 95 ? 400 : 90),
  errorRate: 0.02,
  droppedRate: 0,
  throughputPerSecond: 480,
  count: 2880,
};

describe('parseThreshold', () => {
  it('reads k6 percentiles, short percentiles and units', () => {
    expect(parseThreshold('p(95)<500')).toMatchObject({ metric: { kind: 'latency', stat: 'percentile', percentile: 95 }, comparison: '<', value: 500, operation: null });
    expect(parseThreshold('p95<300ms').value).toBe(300);
    expect(parseThreshold('p(99.9) <= 1.5s')).toMatchObject({ comparison: '<=', value: 1500, metric: { percentile: 99.9 } });
    expect(parseThreshold('avg<200').metric).toEqual({ kind: 'latency', stat: 'avg' });
    expect(parseThreshold('med<100').metric).toEqual({ kind: 'latency', stat: 'med' });
  });

  it('reads error and drop rates as percentages or fractions, and rates per second', () => {
    expect(parseThreshold('errors<1%').value).toBeCloseTo(0.01);
    expect(parseThreshold('http_req_failed<0.05')).toMatchObject({ metric: { kind: 'errors' }, value: 0.05 });
    expect(parseThreshold('dropped<=0%')).toMatchObject({ metric: { kind: 'dropped' }, value: 0 });
    expect(parseThreshold('rate>100/s')).toMatchObject({ metric: { kind: 'rate' }, comparison: '>', value: 100 });
  });

  it('scopes a threshold to one operation', () => {
    expect(parseThreshold('get /products: p95<300ms')).toMatchObject({ operation: 'GET /products', value: 300 });
  });

  it('refuses malformed thresholds with a usage error that shows the grammar', () => {
    for (const bad of ['p95', 'p95<', 'p95<fast', 'latency<5', 'errors<5', 'p(101)<5', '<5', 'rate>fast']) {
      expect(() => parseThreshold(bad), bad).toThrow(expect.objectContaining({ code: 'E_USAGE', message: expect.stringMatching(/^malformed threshold/) }));
    }
  });
});

describe('observe and holds', () => {
  it('checks each metric against the subject', () => {
    const check = (source: string) => {
      const threshold = parseThreshold(source);
      return holds(threshold.comparison, observe(threshold, subject), threshold.value);
    };
    expect(check('p95<500')).toBe(true);
    expect(check('p99<500')).toBe(false);
    expect(check('errors<1%')).toBe(false);
    expect(check('errors<5%')).toBe(true);
    expect(check('rate>100/s')).toBe(true);
    expect(check('max<=2s')).toBe(true);
    expect(check('count>=3000')).toBe(false);
  });

  it('formats the observed value in the metric\'s own unit', () => {
    expect(formatObserved(parseThreshold('p99<1s'), 980)).toBe('980 ms');
    expect(formatObserved(parseThreshold('p99<1s'), 1250)).toBe('1.25 s');
    expect(formatObserved(parseThreshold('errors<1%'), 0.0234)).toBe('2.34%');
  });
});
