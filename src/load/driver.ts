import type { Http1Pool, Job } from './http1/pool.js';
import type { Recorder } from './recorder.js';
import type { LoadPlan, Share } from './types.js';

/** What the executors drive: the pool to submit to, where to record, and the run's clock. */
export interface DriverContext {
  readonly plan: LoadPlan;
  readonly share: Share;
  readonly pool: Http1Pool;
  readonly recorder: Recorder;
  /** Template index for an iteration number. */
  readonly pick: (iteration: number) => number;
  /** performance.now() of the run's start (the same instant in every thread and worker). */
  readonly t0: number;
  /** Called once when the executor will submit nothing more. */
  readonly onScheduleEnd: () => void;
}

/** An executor's loop: open model (arrival rate) or closed model (virtual users). */
export interface Driver {
  start(): void;
  /** Every finished job passes here (the closed model sends the next one). */
  afterDone(job: Job): void;
  /** Stop submitting now (run aborted or past its deadline). */
  stop(): void;
  /** Iterations started so far, or asked for by the schedule. */
  planned(): number;
}
