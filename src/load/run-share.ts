import { performance } from 'node:perf_hooks';
import { faultlineVersion } from '../core/version.js';
import { vuDriver } from './closed-model.js';
import type { Driver } from './driver.js';
import { executorDurationMs, isOpenModel } from './executor-input.js';
import { Http1Pool } from './http1/pool.js';
import { prepareRequest, targetAddress } from './http1/request-bytes.js';
import { arrivalDriver } from './open-model.js';
import { templatePicker } from './picker.js';
import { Recorder, type Progress, type ShareResult } from './recorder.js';
import { portion, type LoadPlan, type Share } from './types.js';

export interface RunShareOptions {
  readonly plan: LoadPlan;
  readonly share: Share;
  /** Epoch ms at which the run starts, the same for every thread and worker. */
  readonly startAt: number;
  readonly onProgress?: (progress: Progress) => void;
  readonly progressIntervalMs?: number;
  /** Partial results along the way, so a coordinator keeps what a worker measured if it dies. */
  readonly onSnapshot?: (partial: ShareResult) => void;
  readonly snapshotIntervalMs?: number;
  readonly signal?: AbortSignal;
}

const sweepIntervalMs = 100;
// A target that answers nothing at all: after this many transport errors and no response, stop.
const hopelessAfterErrors = 20;

/**
 * Run one share of a plan in this thread and measure it. Bounded twice: the schedule (count and
 * duration) ends it, and a hard deadline (duration + request timeout + 2 s) stops it whatever happens.
 */
export function runShare(options: RunShareOptions): Promise<ShareResult> {
  const { plan, share } = options;
  const address = targetAddress(plan.target, plan.isTlsVerified ?? true);
  const userAgent = `faultline/${faultlineVersion()}`;
  const requests = plan.requests.map((template) => prepareRequest(template, address, userAgent));
  const t0 = performance.now() + (options.startAt - Date.now());
  const recorder = new Recorder(requests.map((request) => request.name), t0);
  let driver: Driver | null = null;
  let maxOpen = 0;
  let aborted: string | undefined;
  const pool = new Http1Pool({
    address,
    requests,
    maxConnections: Math.max(1, portion(plan.connections, share)),
    connectTimeoutMs: plan.connectTimeoutMs,
    timeoutMs: plan.timeoutMs,
    onDone(job, status, error, bytes, now) {
      recorder.recordDone(job.request, job.dueAt, status, error, bytes, now);
      if (error !== null && recorder.responses === 0 && recorder.transportErrors >= hopelessAfterErrors && !aborted) {
        aborted = `no response to ${recorder.transportErrors} requests (${recorder.lastError})`;
        driver?.stop();
      }
      driver?.afterDone(job);
      if (isScheduleOver && pool.pending === 0) finish();
    },
  });

  let isScheduleOver = false;
  let finish: () => void = () => {};
  return new Promise<ShareResult>((resolve) => {
    const hardDeadlineMs = Math.max(0, options.startAt - Date.now()) + executorDurationMs(plan.executor) + plan.timeoutMs + 2000;
    const timers: NodeJS.Timeout[] = [];
    let isFinished = false;
    finish = () => {
      if (isFinished) return;
      isFinished = true;
      for (const timer of timers) clearInterval(timer);
      driver?.stop();
      pool.sweep(Number.POSITIVE_INFINITY);
      pool.close();
      options.signal?.removeEventListener('abort', onAbort);
      if (options.onProgress) options.onProgress(progress());
      resolve(recorder.result(share, options.startAt, driver?.planned() ?? 0, maxOpen, aborted));
    };
    const progress = (): Progress => ({
      elapsedMs: performance.now() - t0,
      sent: recorder.sent,
      completed: recorder.completed,
      failed: recorder.failed,
      dropped: recorder.dropped,
      pending: pool.pending,
      window: recorder.takeWindow(),
    });
    const onAbort = () => {
      aborted ??= 'stopped';
      finish();
    };
    options.signal?.addEventListener('abort', onAbort);
    timers.push(setInterval(() => {
      pool.sweep();
      maxOpen = Math.max(maxOpen, pool.openConnections);
    }, sweepIntervalMs));
    if (options.onProgress) timers.push(setInterval(() => options.onProgress!(progress()), options.progressIntervalMs ?? 500));
    if (options.onSnapshot) {
      timers.push(setInterval(() => options.onSnapshot!(recorder.result(share, options.startAt, driver?.planned() ?? 0, maxOpen, 'partial')), options.snapshotIntervalMs ?? 1000));
    }
    timers.push(setTimeout(() => {
      aborted ??= 'hard deadline reached';
      finish();
    }, hardDeadlineMs));
    const context = {
      plan,
      share,
      pool,
      recorder,
      pick: templatePicker(plan.requests),
      t0,
      onScheduleEnd() {
        isScheduleOver = true;
        if (pool.pending === 0) finish();
      },
    };
    driver = isOpenModel(plan.executor) ? arrivalDriver(context) : vuDriver(context);
    if (options.signal?.aborted) return onAbort();
    driver.start();
  });
}
