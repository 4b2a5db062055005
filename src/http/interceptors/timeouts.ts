/** Thrown into the request and its body stream when the total deadline passes. */
export class DeadlineError extends Error {
  readonly code = 'TIMEOUT_TOTAL';

  constructor(timeoutMs: number) {
    super(`no complete response within ${timeoutMs} ms`);
    this.name = 'DeadlineError';
  }
}

export interface Deadline {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly isExpired: boolean;
  /** Stop the timer once the exchange is complete, so thousands of sends leave no timers behind. */
  dispose(): void;
}

/**
 * A total deadline for one exchange (connect + headers + whole body). undici's headers and body
 * timeouts are idle timers: a server that drips one byte every second resets them forever, so this
 * deadline is what bounds an exchange in wall-clock time.
 */
export function startDeadline(timeoutMs: number): Deadline {
  const controller = new AbortController();
  let isExpired = false;
  const timer = setTimeout(function expireDeadline() {
    isExpired = true;
    controller.abort(new DeadlineError(timeoutMs));
  }, timeoutMs);
  // A pending deadline must not keep a CLI process alive on its own.
  timer.unref();
  return {
    signal: controller.signal,
    timeoutMs,
    get isExpired() {
      return isExpired;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}

export interface PhaseTimeouts {
  /** undici `headersTimeout`: idle time until the response headers arrive. */
  readonly headersTimeout: number;
  /** undici `bodyTimeout`: idle time between two body chunks. */
  readonly bodyTimeout: number;
}

// When the caller sets no phase timeout, undici's timers sit just behind the total deadline as a
// backstop, so the deadline always fires first and the error code does not depend on a race.
const backstopMs = 1000;

/** undici's per-phase idle timeouts for one request. */
export function phaseTimeouts(totalMs: number, options: { headersTimeoutMs?: number; bodyTimeoutMs?: number }): PhaseTimeouts {
  return {
    headersTimeout: options.headersTimeoutMs ?? totalMs + backstopMs,
    bodyTimeout: options.bodyTimeoutMs ?? totalMs + backstopMs,
  };
}
