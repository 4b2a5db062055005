/** The audit's request and time budget: the run stops at whichever comes first and says so. */
export class RequestBudget {
  private used = 0;
  private readonly deadline: number;

  constructor(
    readonly maxRequests: number,
    readonly maxDurationMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.deadline = now() + maxDurationMs;
  }

  /** Reserve one request; false when the budget is spent. */
  take(): boolean {
    if (this.isExhausted()) return false;
    this.used++;
    return true;
  }

  isExhausted(): boolean {
    return this.used >= this.maxRequests || this.now() >= this.deadline;
  }

  get requestsUsed(): number {
    return this.used;
  }

  remaining(): number {
    return this.now() >= this.deadline ? 0 : Math.max(0, this.maxRequests - this.used);
  }

  msLeft(): number {
    return Math.max(0, this.deadline - this.now());
  }

  /** Why the budget ran out, for the report's notes; null while there is budget left. */
  exhaustedReason(): string | null {
    if (this.used >= this.maxRequests) return `request budget of ${this.maxRequests} reached`;
    if (this.now() >= this.deadline) return `time budget of ${Math.round(this.maxDurationMs / 1000)} s reached`;
    return null;
  }
}
