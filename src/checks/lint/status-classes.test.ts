import { describe, expect, it } from 'vitest';
import { isAuthErrorStatus, isErrorStatus, isSuccessStatus } from './status-classes.js';

describe('status classes', () => {
  it('treats exact and range 2xx keys as success', () => {
    expect(['200', '201', '2XX', '2xx'].every(isSuccessStatus)).toBe(true);
    expect(['301', '404', 'default', '20'].some(isSuccessStatus)).toBe(false);
  });

  it('treats 4xx, 5xx, ranges and default as error statuses', () => {
    expect(['400', '404', '4XX', '500', '5xx', 'default'].every(isErrorStatus)).toBe(true);
    expect(['200', '302', '600'].some(isErrorStatus)).toBe(false);
  });

  it('accepts only 401, 403, 4XX and default as auth error statuses', () => {
    expect(['401', '403', '4XX', 'default'].every(isAuthErrorStatus)).toBe(true);
    expect(['400', '404', '5XX'].some(isAuthErrorStatus)).toBe(false);
  });
});
