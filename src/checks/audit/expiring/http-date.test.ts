import { describe, expect, it } from 'vitest';
import { parseDeprecation, parseHttpDate } from './http-date.js';

const expected = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('HTTP dates', () => {
  it('reads the IMF-fixdate and the two obsolete forms as GMT', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(expected);
  });

  it('refuses ISO dates, numbers and other zones', () => {
    for (const text of ['2031-12-31', '2031-12-31T23:59:59Z', '1735689600', 'Sun, 06 Nov 1994 08:49:37 PST', 'soon']) expect(parseHttpDate(text), text).toBeNull();
  });

  it('reads the RFC 9745 structured date, legacy true and HTTP-date forms of Deprecation', () => {
    expect(parseDeprecation('@1735689600')).toBe(1735689600_000);
    expect(parseDeprecation('true')).toBeUndefined();
    expect(parseDeprecation('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(expected);
    expect(parseDeprecation('yes')).toBeNull();
  });
});
