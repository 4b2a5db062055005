import { describe, expect, it } from 'vitest';
import { maintenanceSchema } from '../config/schema.js';
import { MaintenanceCalendar } from './maintenance.js';

const window = (input: unknown) => maintenanceSchema.parse(input);

describe('MaintenanceCalendar', () => {
  it('puts a monitor named by a one-off window in maintenance between start and end only', () => {
    const calendar = new MaintenanceCalendar([window({ name: 'db upgrade', monitors: ['api'], start: '2026-12-24T22:00:00Z', end: '2026-12-25T01:00:00Z' })]);
    expect(calendar.activeFor({ name: 'api' }, Date.parse('2026-12-24T23:30:00Z'))?.name).toBe('db upgrade');
    expect(calendar.activeFor({ name: 'api' }, Date.parse('2026-12-24T21:59:59Z'))).toBeUndefined();
    expect(calendar.activeFor({ name: 'api' }, Date.parse('2026-12-25T01:00:00Z'))).toBeUndefined();
    expect(calendar.activeFor({ name: 'web' }, Date.parse('2026-12-24T23:30:00Z'))).toBeUndefined();
  });

  it('puts a group in maintenance for the duration after each start of a recurring window', () => {
    const calendar = new MaintenanceCalendar([window({ name: 'sunday patching', groups: ['Payments'], cron: '0 2 * * 0', duration: '2h' })]);
    const sunday = Date.parse('2026-12-06T00:00:00Z');
    const local = (h: number, m = 0) => sunday + (h * 60 + m) * 60_000 - new Date(sunday).getTimezoneOffset() * 60_000;
    expect(calendar.activeFor({ name: 'checkout', group: 'Payments' }, local(2, 30))?.name).toBe('sunday patching');
    expect(calendar.activeFor({ name: 'checkout', group: 'Payments' }, local(4, 1))).toBeUndefined();
    expect(calendar.activeFor({ name: 'checkout', group: 'Payments' }, local(1, 59))).toBeUndefined();
    expect(calendar.activeFor({ name: 'checkout', group: 'API' }, local(2, 30))).toBeUndefined();
  });

  it('refuses a window without monitors or groups, or with both kinds of timing', () => {
    expect(maintenanceSchema.safeParse({ name: 'x', start: '2026-12-24T22:00:00Z', end: '2026-12-25T01:00:00Z' }).success).toBe(false);
    expect(maintenanceSchema.safeParse({ name: 'x', monitors: ['a'], start: '2026-12-24T22:00:00Z', end: '2026-12-25T01:00:00Z', cron: '0 2 * * 0', duration: '1h' }).success).toBe(false);
    expect(maintenanceSchema.safeParse({ name: 'x', monitors: ['a'], start: '2026-12-25T01:00:00Z', end: '2026-12-24T22:00:00Z' }).success).toBe(false);
  });
});
