import type { Executor, Stage } from './types.js';

interface Segment {
  readonly startMs: number;
  readonly durationMs: number;
  /** Rates in iterations per millisecond at the start and the end of the segment. */
  readonly fromRate: number;
  readonly toRate: number;
  /** Iterations due before the segment starts (a real number: the integral of the rate). */
  readonly before: number;
  readonly after: number;
}

/**
 * When each iteration of an arrival-rate executor is due, in ms from the start of the run. The rate
 * moves linearly inside each stage, so the number due by time t is the integral of the rate, and
 * iteration i is due when that integral reaches i (the first one at t = 0 when the rate starts above 0).
 */
export interface ArrivalSchedule {
  /** Iterations the whole schedule asks for (before any count bound). */
  readonly total: number;
  readonly durationMs: number;
  /** Ms from the start when iteration `i` (0-based) is due; call with increasing i for speed. */
  offsetMs(i: number): number;
}

export function arrivalStages(executor: Executor): { readonly start: number; readonly stages: readonly Stage[] } {
  if (executor.kind === 'constant-arrival-rate') return { start: executor.ratePerSecond, stages: [{ durationMs: executor.durationMs, target: executor.ratePerSecond }] };
  if (executor.kind === 'ramping-arrival-rate') return { start: executor.startRatePerSecond, stages: executor.stages };
  if (executor.kind === 'constant-vus') return { start: executor.vus, stages: [{ durationMs: executor.durationMs, target: executor.vus }] };
  return { start: executor.startVus, stages: executor.stages };
}

export function arrivalSchedule(startPerSecond: number, stages: readonly Stage[]): ArrivalSchedule {
  const segments: Segment[] = [];
  let startMs = 0;
  let before = 0;
  let fromRate = startPerSecond / 1000;
  for (const stage of stages) {
    const toRate = stage.target / 1000;
    const after = before + ((fromRate + toRate) / 2) * stage.durationMs;
    if (stage.durationMs > 0) segments.push({ startMs, durationMs: stage.durationMs, fromRate, toRate, before, after });
    startMs += stage.durationMs;
    before = after;
    fromRate = toRate;
  }
  // Rounding of the integral must not invent or lose an iteration at an exact boundary.
  const total = Math.ceil(before - 1e-9);
  let cursor = 0;
  return {
    total,
    durationMs: startMs,
    offsetMs(i: number): number {
      if (cursor >= segments.length || (segments[cursor]!.before > i)) cursor = 0;
      while (cursor < segments.length - 1 && segments[cursor]!.after <= i) cursor++;
      const segment = segments[cursor];
      if (!segment) return 0;
      const due = i - segment.before;
      if (due <= 0) return segment.startMs;
      const slope = (segment.toRate - segment.fromRate) / segment.durationMs;
      // Solve fromRate·τ + slope·τ²/2 = due in the form that stays exact when the slope is 0.
      const root = Math.sqrt(Math.max(0, segment.fromRate * segment.fromRate + 2 * slope * due));
      const denominator = segment.fromRate + root;
      const tau = denominator > 0 ? (2 * due) / denominator : segment.durationMs;
      return segment.startMs + Math.min(tau, segment.durationMs);
    },
  };
}

/** The target (VUs or rate) a ramping executor asks for `elapsedMs` into the run. */
export function targetAt(start: number, stages: readonly Stage[], elapsedMs: number): number {
  let from = start;
  let t = elapsedMs;
  for (const stage of stages) {
    if (t < stage.durationMs) return from + ((stage.target - from) * t) / stage.durationMs;
    t -= stage.durationMs;
    from = stage.target;
  }
  return from;
}
