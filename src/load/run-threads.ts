import { Worker } from 'node:worker_threads';
import { FaultlineError } from '../core/errors.js';
import type { Progress, ShareResult } from './recorder.js';
import { runShare } from './run-share.js';
import { splitShare, type LoadPlan, type Share } from './types.js';

export interface RunThreadsOptions {
  readonly plan: LoadPlan;
  /** This process's share of the run (a remote worker's), split again among the threads. */
  readonly share?: Share;
  readonly threads: number;
  /** Epoch ms at which the schedule starts. */
  readonly startAt: number;
  /** Progress of all threads together, about every `progressIntervalMs`. */
  readonly onProgress?: (progress: Progress) => void;
  readonly progressIntervalMs?: number;
  readonly signal?: AbortSignal;
  /** The compiled thread body; the default sits beside this file (dist/src/load/worker-entry.js). */
  readonly workerUrl?: URL;
}

/**
 * Run a plan on several threads, each with its own share of the iterations, its own connections and
 * its own histograms (so nothing is shared or locked on the hot path); merge afterwards.
 */
export async function runThreads(options: RunThreadsOptions): Promise<ShareResult[]> {
  const shares = splitShare(options.share ?? { index: 0, count: 1 }, Math.max(1, options.threads));
  const progressIntervalMs = options.progressIntervalMs ?? 500;
  if (shares.length === 1) {
    return [await runShare({ plan: options.plan, share: shares[0]!, startAt: options.startAt, progressIntervalMs, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) })];
  }
  const latest: Array<Progress | null> = shares.map(() => null);
  const report = (index: number, progress: Progress) => {
    latest[index] = progress;
    if (!options.onProgress || index !== 0) return;
    options.onProgress(sumProgress(latest.filter((p): p is Progress => p !== null)));
  };
  const workerUrl = options.workerUrl ?? new URL('./worker-entry.js', import.meta.url);
  const workers: Worker[] = [];
  const onAbort = () => {
    for (const worker of workers) worker.postMessage({ type: 'stop' });
  };
  options.signal?.addEventListener('abort', onAbort);
  try {
    return await Promise.all(shares.map((share, index) => new Promise<ShareResult>((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: { plan: options.plan, share, startAt: options.startAt, progressIntervalMs } });
      workers.push(worker);
      let result: ShareResult | null = null;
      worker.on('message', (message: { type: 'progress'; progress: Progress } | { type: 'result'; result: ShareResult }) => {
        if (message.type === 'progress') report(index, message.progress);
        else {
          // Resolve on the result itself: the thread's message port keeps it alive until terminated.
          result = message.result;
          resolve(result);
        }
      });
      worker.on('error', (error) => reject(new FaultlineError('E_INTERNAL', `generator thread ${index} failed: ${error.message}`, { cause: error })));
      worker.on('exit', (code) => {
        if (!result) reject(new FaultlineError('E_INTERNAL', `generator thread ${index} exited (code ${code}) without a result`));
      });
    })));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

export function sumProgress(parts: readonly Progress[]): Progress {
  const window = new Array<number>(parts[0]?.window.length ?? 0).fill(0);
  for (const part of parts) part.window.forEach((count, bucket) => (window[bucket] = (window[bucket] ?? 0) + count));
  const sum = (pick: (p: Progress) => number) => parts.reduce((total, part) => total + pick(part), 0);
  return {
    elapsedMs: Math.max(0, ...parts.map((p) => p.elapsedMs)),
    sent: sum((p) => p.sent),
    completed: sum((p) => p.completed),
    failed: sum((p) => p.failed),
    dropped: sum((p) => p.dropped),
    pending: sum((p) => p.pending),
    window,
  };
}
