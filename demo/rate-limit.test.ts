import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from './rate-limit.js';

describe('FixedWindowLimiter', () => {
  it('allows the limit and refuses the attempt after it within one window', () => {
    const limiter = new FixedWindowLimiter(5, 60_000);
    const decisions = Array.from({ length: 6 }, () => limiter.hit('client', 1_000));
    expect(decisions.map((d) => d.isAllowed)).toEqual([true, true, true, true, true, false]);
    expect(decisions[5]?.resetSeconds).toBe(60);
  });

  it('starts a fresh window once the old one has passed', () => {
    const limiter = new FixedWindowLimiter(1, 60_000);
    expect(limiter.hit('client', 0).isAllowed).toBe(true);
    expect(limiter.hit('client', 59_999).isAllowed).toBe(false);
    expect(limiter.hit('client', 60_000).isAllowed).toBe(true);
  });

  it('counts each client on its own', () => {
    const limiter = new FixedWindowLimiter(1, 60_000);
    expect(limiter.hit('a', 0).isAllowed).toBe(true);
    expect(limiter.hit('b', 0).isAllowed).toBe(true);
    expect(limiter.hit('a', 1).isAllowed).toBe(false);
  });
});
