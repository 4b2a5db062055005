import { performance } from 'node:perf_hooks';
import type { Driver, DriverContext } from './driver.js';
import { targetAt } from './schedule.js';
import { portion } from './types.js';

const controlIntervalMs = 100;

/**
 * The closed model, for comparison: each virtual user sends, waits for the answer, and sends again,
 * so a slow server slows the load down (and hides its own latency). Latency counts from the send.
 * Ramping VUs follow the stages; a VU told to stop finishes its request first.
 */
export function vuDriver(ctx: DriverContext): Driver {
  const executor = ctx.plan.executor;
  const durationMs = executor.kind === 'constant-vus' ? executor.durationMs : executor.kind === 'ramping-vus' ? executor.stages.reduce((sum, s) => sum + s.durationMs, 0) : 0;
  const wanted = (elapsedMs: number): number => {
    const total = executor.kind === 'constant-vus' ? executor.vus : executor.kind === 'ramping-vus' ? Math.round(targetAt(executor.startVus, executor.stages, elapsedMs)) : 0;
    return portion(total, ctx.share);
  };
  const maxIterations = portion(ctx.plan.maxIterations, ctx.share);
  let active = 0;
  let started = 0;
  let isStopped = false;
  let timer: NodeJS.Timeout | null = null;

  const send = () => {
    const iteration = started * ctx.share.count + ctx.share.index;
    started++;
    const request = ctx.pick(iteration);
    const now = performance.now();
    ctx.recorder.recordSent(request, now);
    ctx.pool.submit({ request, dueAt: now });
  };

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    if (!isStopped) {
      isStopped = true;
      ctx.onScheduleEnd();
    }
  };

  const control = () => {
    const elapsed = performance.now() - ctx.t0;
    if (elapsed >= durationMs || started >= maxIterations) return stop();
    const target = wanted(elapsed);
    while (active < target && started < maxIterations) {
      active++;
      send();
    }
  };

  return {
    start() {
      const wait = Math.max(0, ctx.t0 - performance.now());
      setTimeout(() => {
        if (isStopped) return;
        timer = setInterval(control, controlIntervalMs);
        control();
      }, wait);
    },
    afterDone() {
      const elapsed = performance.now() - ctx.t0;
      if (isStopped || elapsed >= durationMs || started >= maxIterations || active > wanted(elapsed)) {
        active--;
        return;
      }
      send();
    },
    stop,
    planned: () => started,
  };
}
