import { describe, expect, it } from 'vitest';
import { cronSchedule, intervalSchedule, validateCron } from './schedule.js';

describe('schedules', () => {
  it('plans interval runs on a fixed grid from the start, skipping slots already past', () => {
    const schedule = intervalSchedule(10_000, 1_000_000);
    expect(schedule.next(0)).toBe(1_000_000);
    expect(schedule.next(1_000_000)).toBe(1_000_000);
    expect(schedule.next(1_000_001)).toBe(1_010_000);
    expect(schedule.next(1_035_000)).toBe(1_040_000);
  });

  it('plans cron runs at the next matching minute', () => {
    const schedule = cronSchedule('*/5 * * * *');
    const after = Date.UTC(2026, 0, 1, 10, 2, 30);
    expect(new Date(schedule.next(after)).getUTCMinutes() % 5).toBe(0);
    expect(schedule.next(after)).toBeGreaterThan(after);
    expect(schedule.next(after) - after).toBeLessThanOrEqual(5 * 60_000);
  });

  it('rejects a cron expression that is not cron', () => {
    expect(() => validateCron('every day')).toThrow();
  });
});
