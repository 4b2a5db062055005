/** One kind of request the generator sends, already resolved to a concrete method, path and body. */
export interface RequestTemplate {
  /** What results are grouped by: the operation ('GET /products') or the template's own name. */
  readonly name: string;
  readonly method: string;
  /** Path and query, starting with '/', appended to the target's base path. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Relative share of the traffic; 1 when not given. */
  readonly weight: number;
}

/** A stretch of a ramping executor: move linearly to `target` (requests/s or VUs) over `durationMs`. */
export interface Stage {
  readonly durationMs: number;
  readonly target: number;
}

/**
 * How load is applied, with k6's names. The arrival-rate executors are the open model (requests start
 * on a schedule whatever the server does); the VU executors are the closed model (each virtual user
 * waits for its response before sending again).
 */
export type Executor =
  | { readonly kind: 'constant-arrival-rate'; readonly ratePerSecond: number; readonly durationMs: number }
  | { readonly kind: 'ramping-arrival-rate'; readonly startRatePerSecond: number; readonly stages: readonly Stage[] }
  | { readonly kind: 'constant-vus'; readonly vus: number; readonly durationMs: number }
  | { readonly kind: 'ramping-vus'; readonly startVus: number; readonly stages: readonly Stage[] };

export type ExecutorKind = Executor['kind'];

export const executorKinds: readonly ExecutorKind[] = ['constant-arrival-rate', 'ramping-arrival-rate', 'constant-vus', 'ramping-vus'];

/** Everything one run needs; plain data so it can cross to worker threads and to remote workers. */
export interface LoadPlan {
  /** Base URL; every template's path is appended to its path. */
  readonly target: string;
  readonly requests: readonly RequestTemplate[];
  readonly executor: Executor;
  /** Connections the generator may open (split across threads and workers). */
  readonly connections: number;
  /** Iterations started but not finished (sent or waiting for a connection) before new ones are dropped. */
  readonly maxInFlight: number;
  /** From the scheduled start of a request to its last byte. */
  readonly timeoutMs: number;
  readonly connectTimeoutMs: number;
  /** Verify https certificates; false under --insecure. Absent means true. */
  readonly isTlsVerified?: boolean;
  /** Count bound on top of the time bound: the run never starts more iterations than this. */
  readonly maxIterations: number;
}

/** Which iterations a thread or worker owns: those whose index ≡ index (mod count). */
export interface Share {
  readonly index: number;
  readonly count: number;
}

/** Split a share among `parts` (threads of a worker); the parts together own exactly the same iterations. */
export function splitShare(share: Share, parts: number): Share[] {
  return Array.from({ length: parts }, (_, part) => ({ index: share.index + share.count * part, count: share.count * parts }));
}

/** `total` split over `count` shares as evenly as possible; share `index` gets this many. */
export function portion(total: number, share: Share): number {
  return Math.floor(total / share.count) + (share.index < total % share.count ? 1 : 0);
}
