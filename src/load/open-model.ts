import { performance } from 'node:perf_hooks';
import type { Driver, DriverContext } from './driver.js';
import { arrivalSchedule, arrivalStages } from './schedule.js';
import { portion } from './types.js';

/**
 * The open model: iteration i is due at a fixed time whatever the server does, its latency counts
 * from that time (so a stalled server cannot hide its queue: no coordinated omission), and an
 * iteration that would push the work in flight past `maxInFlight` is dropped and counted, as k6's
 * "dropped_iterations".
 */
export function arrivalDriver(ctx: DriverContext): Driver {
  const { start, stages } = arrivalStages(ctx.plan.executor);
  const schedule = arrivalSchedule(start, stages);
  const total = Math.min(schedule.total, ctx.plan.maxIterations);
  const maxInFlight = Math.max(1, portion(ctx.plan.maxInFlight, ctx.share));
  const step = ctx.share.count;
  let next = ctx.share.index;
  let timer: NodeJS.Timeout | null = null;
  let isStopped = false;

  const finish = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!isStopped) {
      isStopped = true;
      ctx.onScheduleEnd();
    }
  };

  const tick = () => {
    timer = null;
    if (isStopped) return;
    const now = performance.now();
    while (next < total) {
      const dueAt = ctx.t0 + schedule.offsetMs(next);
      if (dueAt > now) {
        // setTimeout cannot wake sooner than 1 ms; an iteration due inside that goes in the next batch.
        timer = setTimeout(tick, Math.max(1, Math.floor(dueAt - now)));
        return;
      }
      const request = ctx.pick(next);
      if (ctx.pool.pending >= maxInFlight) ctx.recorder.recordDropped(request, dueAt);
      else {
        ctx.recorder.recordSent(request, dueAt);
        ctx.pool.submit({ request, dueAt });
      }
      next += step;
    }
    finish();
  };

  return {
    start: tick,
    afterDone() {},
    stop: finish,
    planned: () => (total > ctx.share.index ? Math.ceil((total - ctx.share.index) / step) : 0),
  };
}
