export interface RateDecision {
  readonly isAllowed: boolean;
  readonly remaining: number;
  /** Seconds until the window resets. */
  readonly resetSeconds: number;
}

const maxTrackedClients = 10_000;

/** Fixed-window limiter: `limit` attempts per client per `windowMs`. */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  hit(client: string, now = Date.now()): RateDecision {
    let window = this.windows.get(client);
    if (window === undefined || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.delete(client);
      this.windows.set(client, window);
      this.prune(now);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000));
    return { isAllowed: window.count <= this.limit, remaining: Math.max(0, this.limit - window.count), resetSeconds };
  }

  private prune(now: number): void {
    for (const [client, window] of this.windows) {
      if (this.windows.size <= maxTrackedClients && now - window.startedAt < this.windowMs) return;
      this.windows.delete(client);
    }
  }
}
