import { describe, expect, it } from 'vitest';
import { RequestBudget } from './budget.js';

/** A clock the test moves by hand, so the deadline is reached without waiting. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RequestBudget', () => {
  it('hands out exactly maxRequests requests and then refuses', () => {
    const clock = fakeClock();
    const budget = new RequestBudget(3, 60_000, clock.now);
    expect([budget.take(), budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false, false]);
    expect(budget.requestsUsed).toBe(3);
    expect(budget.isExhausted()).toBe(true);
  });

  it('counts down what remains and names the request cap once it is reached', () => {
    const clock = fakeClock();
    const budget = new RequestBudget(2, 60_000, clock.now);
    expect(budget.remaining()).toBe(2);
    expect(budget.exhaustedReason()).toBeNull();
    budget.take();
    expect(budget.remaining()).toBe(1);
    budget.take();
    expect(budget.remaining()).toBe(0);
    expect(budget.exhaustedReason()).toBe('request budget of 2 reached');
  });

  it('refuses every request once the deadline passes, with requests still unused', () => {
    const clock = fakeClock();
    const budget = new RequestBudget(100, 5_000, clock.now);
    expect(budget.take()).toBe(true);
    clock.advance(4_999);
    expect(budget.isExhausted()).toBe(false);
    expect(budget.msLeft()).toBe(1);
    expect(budget.remaining()).toBe(99);
    clock.advance(1);
    expect(budget.take()).toBe(false);
    expect(budget.isExhausted()).toBe(true);
    expect(budget.remaining()).toBe(0);
    expect(budget.msLeft()).toBe(0);
    expect(budget.requestsUsed).toBe(1);
    expect(budget.exhaustedReason()).toBe('time budget of 5 s reached');
  });

  it('never reports negative time left long after the deadline', () => {
    const clock = fakeClock();
    const budget = new RequestBudget(1, 1_000, clock.now);
    clock.advance(10_000);
    expect(budget.msLeft()).toBe(0);
  });

  it('reports the request cap first when both limits are spent', () => {
    const clock = fakeClock();
    const budget = new RequestBudget(1, 1_000, clock.now);
    budget.take();
    clock.advance(2_000);
    expect(budget.exhaustedReason()).toBe('request budget of 1 reached');
  });

  it('has nothing to give when the cap is zero', () => {
    const budget = new RequestBudget(0, 60_000, fakeClock().now);
    expect(budget.take()).toBe(false);
    expect(budget.remaining()).toBe(0);
    expect(budget.exhaustedReason()).toBe('request budget of 0 reached');
  });
});
