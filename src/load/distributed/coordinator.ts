import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { FaultlineError } from '../../core/errors.js';
import { executorDurationMs, isOpenModel } from '../executor-input.js';
import { createLatencyHistogram, encodeHistogram } from '../histogram.js';
import { assertReachable } from '../../http/reachability.js';
import type { Progress, ShareResult } from '../recorder.js';
import { mergeResults, type Contribution, type LoadResult } from '../result.js';
import { abortNotes, assertAnswered, assertSafe } from '../run-load.js';
import { sumProgress } from '../run-threads.js';
import { arrivalSchedule, arrivalStages } from '../schedule.js';
import type { LoadPlan, Share } from '../types.js';
import { defaultQueueName, type ShareHeartbeat, type ShareJob } from './jobs.js';
import { connectRedis } from './redis.js';

export interface RunDistributedOptions {
  readonly redisUrl: string;
  readonly queueName?: string;
  readonly plan: LoadPlan;
  readonly isUnsafeAllowed: boolean;
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  readonly log?: (line: string) => void;
  /** How long to wait for the workers to be listening. */
  readonly workerWaitMs?: number;
  /** Wait for exactly this many workers (else: every worker listening a second after the first). */
  readonly workerCount?: number;
  /** Lead time between queueing the shares and the shared start. */
  readonly startDelayMs?: number;
  /** A running share that sends no heartbeat for this long is declared dead. */
  readonly heartbeatTimeoutMs?: number;
}

interface ShareState {
  readonly jobId: string;
  readonly share: Share;
  readonly owned: number | undefined;
  lastSeen: number;
  partial: ShareResult | null;
  progress: Progress | null;
  result: ShareResult | null;
  dead: string | null;
  worker: string | null;
}

/** Iterations of an arrival-rate plan that one share owns. */
export function ownedIterations(plan: LoadPlan, share: Share): number | undefined {
  if (!isOpenModel(plan.executor)) return undefined;
  const { start, stages } = arrivalStages(plan.executor);
  const total = Math.min(arrivalSchedule(start, stages).total, plan.maxIterations);
  return total > share.index ? Math.ceil((total - share.index) / share.count) : 0;
}

function emptyResult(share: Share, startAt: number, names: readonly string[]): ShareResult {
  return { share, startedAt: startAt, finishedAt: startAt, planned: 0, operations: names.map((name) => ({ name, sent: 0, completed: 0, responses: 0, failed: 0, dropped: 0, bytes: 0, statuses: {}, errors: {}, histogram: encodeHistogram(createLatencyHistogram()) })), timeline: [], maxOpenConnections: 0 };
}

/**
 * Split a plan across every `faultline worker` listening on the queue: one share each, one shared
 * start time, heartbeats with partial results. A worker that stops sending heartbeats (or fails) is
 * declared dead; what it sent before is kept and the rest of its share is reported as lost.
 */
export async function runDistributed(options: RunDistributedOptions): Promise<LoadResult> {
  const { plan } = options;
  const log = options.log ?? (() => {});
  assertSafe(plan, options.isUnsafeAllowed);
  await assertReachable(plan.target, { connectTimeoutMs: plan.connectTimeoutMs, isTlsVerified: plan.isTlsVerified ?? true });
  const connection = await connectRedis(options.redisUrl, '--workers');
  const queueName = options.queueName ?? defaultQueueName;
  const queue = new Queue<ShareJob, ShareResult>(queueName, { connection });
  const eventsConnection = connection.duplicate();
  // A short blocking read, so closing does not wait out BullMQ's default 10 s XREAD.
  const events = new QueueEvents(queueName, { connection: eventsConnection, blockingTimeout: 500 });
  try {
    await events.waitUntilReady();
    const workerCount = await waitForWorkers(queue, options.workerWaitMs ?? 10_000, options.workerCount);
    if (options.workerCount !== undefined && workerCount < options.workerCount) {
      throw new FaultlineError('E_USAGE', `only ${workerCount} of ${options.workerCount} faultline workers are listening on queue '${queueName}' at ${options.redisUrl}`, { location: { field: '--worker-count' } });
    }
    if (workerCount === 0) throw new FaultlineError('E_USAGE', `no faultline worker is listening on queue '${queueName}' at ${options.redisUrl} (start one with: faultline worker --redis ${options.redisUrl})`, { location: { field: '--workers' } });
    const runId = randomUUID();
    const startAt = Date.now() + (options.startDelayMs ?? 1500);
    const states: ShareState[] = Array.from({ length: workerCount }, (_, index) => {
      const share = { index, count: workerCount };
      return { jobId: `${runId}-${index}`, share, owned: ownedIterations(plan, share), lastSeen: startAt, partial: null, progress: null, result: null, dead: null, worker: null };
    });
    const byJob = new Map(states.map((state) => [state.jobId, state]));
    log(`splitting the run across ${workerCount} workers (queue '${queueName}')`);
    const finished = new Promise<void>((resolve) => {
      let watchdog: NodeJS.Timeout | undefined;
      const check = () => {
        if (!states.every((s) => s.result || s.dead)) return;
        clearInterval(watchdog);
        options.signal?.removeEventListener('abort', stop);
        resolve();
      };
      events.on('progress', ({ jobId, data }) => {
        const state = byJob.get(jobId);
        if (!state || state.result || state.dead) return;
        const heartbeat = data as ShareHeartbeat;
        state.lastSeen = Date.now();
        if (heartbeat.partial) state.partial = heartbeat.partial;
        if (heartbeat.progress) state.progress = heartbeat.progress;
        const live = states.map((s) => s.progress).filter((p): p is Progress => p !== null);
        if (options.onProgress && live.length > 0) options.onProgress(sumProgress(live));
      });
      events.on('completed', ({ jobId, returnvalue }) => {
        const state = byJob.get(jobId);
        if (!state || state.dead) return;
        state.result = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as ShareResult;
        check();
      });
      events.on('failed', ({ jobId, failedReason }) => {
        const state = byJob.get(jobId);
        if (!state || state.result) return;
        state.dead ??= failedReason || 'failed';
        check();
      });
      const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 5000;
      const hardDeadline = startAt + executorDurationMs(plan.executor) + plan.timeoutMs + 30_000;
      watchdog = setInterval(() => {
        const now = Date.now();
        for (const state of states) {
          if (state.result || state.dead) continue;
          if (now > hardDeadline) state.dead = 'no result before the run deadline';
          else if (now - state.lastSeen > heartbeatTimeoutMs && now > startAt) state.dead = `no heartbeat for ${Math.round((now - state.lastSeen) / 1000)} s`;
        }
        check();
      }, 250);
      function stop() {
        for (const state of states) if (!state.result) state.dead ??= 'run interrupted';
        check();
      }
      options.signal?.addEventListener('abort', stop);
    });
    await queue.addBulk(states.map((state) => ({ name: 'share', data: { runId, plan, share: state.share, startAt }, opts: { jobId: state.jobId, attempts: 1, removeOnComplete: true, removeOnFail: true } })));
    await finished;
    const names = plan.requests.map((r) => r.name);
    const contributions: Contribution[] = states.map((state) => ({
      id: `worker-${state.share.index}`,
      result: state.result ?? state.partial ?? emptyResult(state.share, startAt, names),
      status: state.result ? 'ok' : 'dead',
      ...(state.owned !== undefined ? { owned: state.owned } : {}),
      ...(state.dead ? { detail: state.dead } : {}),
    }));
    const results = contributions.map((c) => c.result);
    if (states.some((s) => s.result)) assertAnswered(plan.target, results);
    const notes = [...abortNotes(states.flatMap((s) => (s.result ? [s.result] : []))), ...states.filter((s) => s.dead).map((s) => `worker ${s.share.index} of ${workerCount} died (${s.dead}); its measurements up to its last heartbeat are included and the rest of its share is counted as lost`)];
    // Shares of dead workers may still sit in the queue; remove them so nobody runs them late.
    await Promise.all(states.filter((s) => s.dead).map((s) => queue.remove(s.jobId).catch(() => 0)));
    return mergeResults({ target: plan.target, executor: plan.executor, contributions, notes });
  } finally {
    await events.close().catch(() => undefined);
    await queue.close().catch(() => undefined);
    eventsConnection.disconnect();
    connection.disconnect();
  }
}

async function waitForWorkers(queue: Queue, waitMs: number, expected: number | undefined): Promise<number> {
  const deadline = Date.now() + waitMs;
  let settleUntil: number | null = null;
  for (;;) {
    const count = (await queue.getWorkers()).length;
    if (expected !== undefined ? count >= expected : count > 0) {
      if (expected !== undefined) return Math.min(count, expected);
      // Workers started together register a little apart: give the others a second.
      settleUntil ??= Date.now() + 1000;
      if (Date.now() >= settleUntil) return count;
    }
    if (Date.now() >= deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
