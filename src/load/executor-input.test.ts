import { describe, expect, it } from 'vitest';
import { executorFrom, parseRate, parseStages } from './executor-input.js';

describe('parseRate', () => {
  it('reads requests per second in several units', () => {
    expect(parseRate('500/s')).toBe(500);
    expect(parseRate('500')).toBe(500);
    expect(parseRate('30000/m')).toBe(500);
    expect(parseRate('5/100ms')).toBe(50);
  });

  it('refuses a rate of zero, a negative rate and nonsense with a usage error', () => {
    for (const value of ['0/s', '0', '-5/s', 'fast', '10/0s']) {
      expect(() => parseRate(value)).toThrow(expect.objectContaining({ code: 'E_USAGE', exitCode: 2 }));
    }
    expect(() => parseRate('0')).toThrow(/above zero/);
  });
});

describe('parseStages', () => {
  it('reads k6-style duration:target pairs', () => {
    expect(parseStages('10s:100,30s:500, 10s:0')).toEqual([
      { durationMs: 10_000, target: 100 },
      { durationMs: 30_000, target: 500 },
      { durationMs: 10_000, target: 0 },
    ]);
  });

  it('names the stage it cannot read', () => {
    expect(() => parseStages('10s:100,30s')).toThrow(/not a stage: '30s'/);
    expect(() => parseStages('10s:-5')).toThrow(/not a stage/);
  });
});

describe('executorFrom', () => {
  it('defaults to the open model at a constant rate', () => {
    expect(executorFrom({ rate: '200/s', duration: '5s' })).toEqual({ kind: 'constant-arrival-rate', ratePerSecond: 200, durationMs: 5000 });
  });

  it('ramps the arrival rate with stages and the VUs with --vus and stages', () => {
    expect(executorFrom({ stages: '1s:10' }).kind).toBe('ramping-arrival-rate');
    expect(executorFrom({ vus: '5', stages: '1s:10' })).toEqual({ kind: 'ramping-vus', startVus: 5, stages: [{ durationMs: 1000, target: 10 }] });
    expect(executorFrom({ vus: 5, duration: '2s' })).toEqual({ kind: 'constant-vus', vus: 5, durationMs: 2000 });
  });

  it('refuses --rate with --vus, --duration with --stages and zero VUs', () => {
    expect(() => executorFrom({ rate: 5, vus: 5 })).toThrow(/cannot be used together/);
    expect(() => executorFrom({ duration: '5s', stages: '1s:5' })).toThrow(/cannot be used together/);
    expect(() => executorFrom({ vus: 0 })).toThrow(/--vus must be a whole number above zero/);
  });
});
