import { Worker, type Job } from 'bullmq';
import type { Logger } from '../../core/logger.js';
import type { ShareResult } from '../recorder.js';
import { runShare } from '../run-share.js';
import { defaultQueueName, lateStartToleranceMs, type ShareHeartbeat, type ShareJob } from './jobs.js';
import { connectRedis } from './redis.js';

export interface LoadWorkerOptions {
  readonly redisUrl: string;
  readonly queueName?: string;
  readonly logger: Logger;
  /** Stop after this many shares (a bound for scripts and tests); unbounded when absent. */
  readonly maxJobs?: number;
  readonly heartbeatIntervalMs?: number;
}

export interface LoadWorker {
  /** Resolves when the worker has stopped (closed, or after maxJobs shares). */
  readonly stopped: Promise<void>;
  close(): Promise<void>;
}

/**
 * A generator process for distributed runs: takes one share at a time from the queue, runs it at the
 * shared start time, sends a heartbeat with partial results every second, and returns its result.
 * A stalled share is failed, never handed to another worker, so no iteration is ever sent twice.
 */
export async function startLoadWorker(options: LoadWorkerOptions): Promise<LoadWorker> {
  const connection = await connectRedis(options.redisUrl, '--redis');
  let jobs = 0;
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  const worker = new Worker<ShareJob, ShareResult>(
    options.queueName ?? defaultQueueName,
    async (job: Job<ShareJob, ShareResult>) => {
      const { plan, share, startAt } = job.data;
      const lateMs = Date.now() - startAt;
      if (lateMs > lateStartToleranceMs) throw new Error(`share ${share.index}/${share.count} picked up ${lateMs} ms after the run started`);
      options.logger.info(`running share ${share.index}/${share.count} of run ${job.data.runId}`);
      let latestProgress: ShareHeartbeat['progress'];
      const result = await runShare({
        plan,
        share,
        startAt,
        progressIntervalMs: options.heartbeatIntervalMs ?? 1000,
        snapshotIntervalMs: options.heartbeatIntervalMs ?? 1000,
        onProgress: (progress) => {
          latestProgress = progress;
        },
        onSnapshot: (partial) => {
          const heartbeat: ShareHeartbeat = { ...(latestProgress ? { progress: latestProgress } : {}), partial };
          void job.updateProgress(heartbeat as unknown as object).catch(() => undefined);
        },
      });
      return result;
    },
    // One share at a time; a share whose worker stops renewing its lock is failed, not retried.
    { connection, concurrency: 1, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 0 },
  );
  worker.on('error', (error) => options.logger.warn(`queue error: ${error.message}`));
  // Close only once the result is stored, so the coordinator hears 'completed' before this worker goes.
  const finishedOne = () => {
    jobs++;
    if (options.maxJobs !== undefined && jobs >= options.maxJobs) void close();
  };
  worker.on('completed', finishedOne);
  worker.on('failed', finishedOne);
  await worker.waitUntilReady();
  let isClosing = false;
  const close = async () => {
    if (isClosing) return stopped;
    isClosing = true;
    await worker.close();
    connection.disconnect();
    resolveStopped();
    return stopped;
  };
  return { stopped, close };
}
