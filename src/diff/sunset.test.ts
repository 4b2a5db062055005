import { describe, expect, it } from 'vitest';
import { daysUntil, parseSunsetDate, removalVerdict, sunsetOf } from './sunset.js';

const now = new Date('2026-01-01T00:00:00Z');

describe('sunset dates', () => {
  it('reads RFC 3339 dates and RFC 9110 HTTP dates, and refuses a bare year', () => {
    expect(parseSunsetDate('2026-06-01')?.toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(parseSunsetDate('Sat, 31 Dec 2022 23:59:59 GMT')?.toISOString()).toBe('2022-12-31T23:59:59.000Z');
    expect(parseSunsetDate('2026')).toBeUndefined();
    expect(parseSunsetDate('soon')).toBeUndefined();
  });

  it('finds x-sunset, x-*-sunset, a nested removal date and a dated removal sentence, in that order', () => {
    expect(sunsetOf({ extensions: { 'x-sunset': '2026-03-01' } })?.source).toBe('x-sunset');
    expect(sunsetOf({ extensions: { 'x-acme-sunset': '2026-03-01' } })?.source).toBe('x-acme-sunset');
    expect(sunsetOf({ extensions: { 'x-github': { deprecationDate: '2025-01-01', removalDate: '2026-03-01' } } })?.source).toBe('x-github.removalDate');
    expect(sunsetOf({ description: 'Deprecated. This operation will be removed on 2026-03-01; use /v2.' })?.date.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(sunsetOf({ description: 'Created on 2020-01-01.' })).toBeUndefined();
  });

  it('judges a removal by deprecation and sunset', () => {
    const sunset = (date: string) => ({ date: new Date(date), source: 'x-sunset' });
    expect(removalVerdict(false, undefined, now)).toBe('not-deprecated');
    expect(removalVerdict(true, undefined, now)).toBe('no-sunset');
    expect(removalVerdict(true, sunset('2026-02-01'), now)).toBe('before-sunset');
    expect(removalVerdict(true, sunset('2025-12-01'), now)).toBe('after-sunset');
    expect(daysUntil(new Date('2026-01-31T00:00:00Z'), now)).toBe(30);
  });
});
