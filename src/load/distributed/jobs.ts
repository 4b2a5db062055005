import type { Progress, ShareResult } from '../recorder.js';
import type { LoadPlan, Share } from '../types.js';

/** One share of a distributed run, as a BullMQ job's data. */
export interface ShareJob {
  readonly runId: string;
  readonly plan: LoadPlan;
  readonly share: Share;
  /** Epoch ms at which every worker starts its schedule. */
  readonly startAt: number;
}

/** What a worker reports through job.updateProgress about once a second. */
export interface ShareHeartbeat {
  readonly progress?: Progress;
  /** Results so far, kept by the coordinator in case the worker dies. */
  readonly partial?: ShareResult;
}

export const defaultQueueName = 'faultline-load';

/** A worker refuses a share it picks up this late: its timeline would not line up with the others. */
export const lateStartToleranceMs = 2000;
