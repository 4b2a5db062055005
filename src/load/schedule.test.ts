import { describe, expect, it } from 'vitest';
import { arrivalSchedule, targetAt } from './schedule.js';
import { splitShare, portion } from './types.js';

describe('arrivalSchedule', () => {
  it('spaces a constant rate evenly from the start', () => {
    const schedule = arrivalSchedule(500, [{ durationMs: 6000, target: 500 }]);
    expect(schedule.total).toBe(3000);
    expect(schedule.offsetMs(0)).toBe(0);
    expect(schedule.offsetMs(1)).toBeCloseTo(2, 9);
    expect(schedule.offsetMs(2999)).toBeCloseTo(5998, 6);
  });

  it('asks for the integral of a linear ramp and never goes back in time', () => {
    const schedule = arrivalSchedule(0, [{ durationMs: 10_000, target: 100 }, { durationMs: 10_000, target: 100 }, { durationMs: 10_000, target: 0 }]);
    expect(schedule.total).toBe(500 + 1000 + 500);
    let previous = -1;
    for (let i = 0; i < schedule.total; i++) {
      const offset = schedule.offsetMs(i);
      expect(offset).toBeGreaterThanOrEqual(previous);
      previous = offset;
    }
    // Half of the ramp's 500 iterations are due by the time the rate is 70.7/s (t = 7.07 s).
    expect(schedule.offsetMs(250)).toBeCloseTo(7071, 0);
    expect(schedule.offsetMs(500)).toBeCloseTo(10_000, 3);
    expect(schedule.offsetMs(1499)).toBeCloseTo(19_990, 3);
    expect(previous).toBeLessThan(30_000);
  });

  it('sends nothing during a stage at zero', () => {
    const schedule = arrivalSchedule(10, [{ durationMs: 1000, target: 10 }, { durationMs: 5000, target: 0 }, { durationMs: 0, target: 10 }, { durationMs: 1000, target: 10 }]);
    expect(schedule.total).toBe(10 + 25 + 10);
    const offsets = Array.from({ length: schedule.total }, (_, i) => schedule.offsetMs(i));
    expect(offsets.filter((o) => o >= 6000 && o < 7000)).toHaveLength(10);
  });

  it('answers the same when asked out of order', () => {
    const schedule = arrivalSchedule(10, [{ durationMs: 1000, target: 50 }, { durationMs: 1000, target: 50 }]);
    const late = schedule.offsetMs(60);
    const early = schedule.offsetMs(5);
    expect(schedule.offsetMs(60)).toBe(late);
    expect(early).toBeLessThan(late);
  });
});

describe('targetAt', () => {
  it('interpolates inside a stage and holds the last target after the end', () => {
    const stages = [{ durationMs: 1000, target: 10 }, { durationMs: 1000, target: 0 }];
    expect(targetAt(0, stages, 500)).toBe(5);
    expect(targetAt(0, stages, 1500)).toBe(5);
    expect(targetAt(0, stages, 5000)).toBe(0);
  });
});

describe('shares', () => {
  it('split into parts that own exactly the iterations of the whole', () => {
    const parts = splitShare({ index: 1, count: 3 }, 2).flatMap((part) => splitShare(part, 2));
    const owned = new Set<number>();
    for (let i = 0; i < 300; i++) for (const part of parts) if (i % part.count === part.index) {
      expect(owned.has(i)).toBe(false);
      owned.add(i);
    }
    expect([...owned].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, k) => 1 + 3 * k));
  });

  it('share out a total with nothing lost', () => {
    const shares = splitShare({ index: 0, count: 1 }, 4);
    expect(shares.map((share) => portion(50, share))).toEqual([13, 13, 12, 12]);
  });
});
