import { FaultlineError } from '../core/errors.js';
import { isRequestAllowed } from '../http/interceptors/safety-guard.js';
import { assertReachable } from '../http/reachability.js';
import type { Progress, ShareResult } from './recorder.js';
import { mergeResults, type Contribution, type LoadResult } from './result.js';
import { runThreads } from './run-threads.js';
import type { LoadPlan } from './types.js';

export interface RunLoadOptions {
  readonly plan: LoadPlan;
  readonly threads: number;
  /** Allow POST/PUT/PATCH/DELETE templates against a target that is not loopback. */
  readonly isUnsafeAllowed: boolean;
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  readonly workerUrl?: URL;
}

const transportCodeMeaning: Record<string, string> = {
  CONNECTION_RESET: 'the target resets or closes the connections',
  CONNECTION_REFUSED: 'the target refuses connections',
  PROTOCOL_ERROR: 'the target does not answer with HTTP/1.x',
  TIMEOUT_CONNECT: 'connections time out',
  TIMEOUT_TOTAL: 'no response arrives within the timeout',
  TLS_ERROR: 'the TLS handshake fails',
};

/** Refuse destructive templates to a non-loopback target without --unsafe, as the audit does. */
export function assertSafe(plan: LoadPlan, isUnsafeAllowed: boolean): void {
  for (const template of plan.requests) {
    if (!isRequestAllowed(template.method, plan.target, isUnsafeAllowed)) {
      throw new FaultlineError('E_UNSAFE_TARGET', `refusing to load ${plan.target} with ${template.method.toUpperCase()} requests ('${template.name}'): the target is not loopback (pass --unsafe if you own it)`, { location: { field: '--target' } });
    }
  }
}

/**
 * Run a plan on this machine: check the target answers TCP, run every thread's share, merge. A run in
 * which no request got any HTTP response is an error (exit 2) naming the transport failure.
 */
export async function runLoad(options: RunLoadOptions): Promise<LoadResult> {
  assertSafe(options.plan, options.isUnsafeAllowed);
  await assertReachable(options.plan.target, { connectTimeoutMs: options.plan.connectTimeoutMs, isTlsVerified: options.plan.isTlsVerified ?? true });
  const startAt = Date.now() + 50;
  // The generator's own CPU: from the start of the run to the merged result, all threads included.
  const cpuBefore = process.cpuUsage();
  const shares = await runThreads({
    plan: options.plan,
    threads: options.threads,
    startAt,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
  });
  assertAnswered(options.plan.target, shares);
  const contributions: Contribution[] = shares.map((result, index) => ({ id: `thread-${index}`, result }));
  const cpu = process.cpuUsage(cpuBefore);
  const notes = [...abortNotes(shares), ...(options.signal?.aborted ? ['the run was interrupted: the results cover the part that ran'] : [])];
  return mergeResults({ target: options.plan.target, executor: options.plan.executor, contributions, notes, cpu: { threads: shares.length, ...cpu } });
}

export function assertAnswered(target: string, shares: readonly ShareResult[]): void {
  const responses = shares.reduce((sum, share) => sum + share.operations.reduce((s, o) => s + o.responses, 0), 0);
  if (responses > 0) return;
  const errors: Record<string, number> = {};
  for (const share of shares) for (const op of share.operations) for (const [code, count] of Object.entries(op.errors)) errors[code] = (errors[code] ?? 0) + count;
  const [code, count] = Object.entries(errors).sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
  const failed = Object.values(errors).reduce((a, b) => a + b, 0);
  if (failed === 0) return;
  throw new FaultlineError('E_TARGET_UNREACHABLE', `no HTTP response from ${target}: ${failed} requests failed, ${count} with ${code} (${transportCodeMeaning[code] ?? 'transport failure'})`, { location: { field: '--target' } });
}

export function abortNotes(shares: readonly ShareResult[]): string[] {
  return shares.filter((s) => s.aborted && s.aborted !== 'stopped').map((s) => `share ${s.share.index}/${s.share.count} stopped early: ${s.aborted}`);
}
