/**
 * A single-slot work queue: each job holds the slot for `workMs`, and everything else waits its
 * turn. One request alone is quick; ten at once queue behind each other, so tail latency grows
 * with concurrency. That is the planted latency collapse of `GET /reports/slow`.
 */
export class SlowQueue {
  private tail: Promise<void> = Promise.resolve();
  private readonly sleepers = new Map<ReturnType<typeof setTimeout>, () => void>();
  private isClosed = false;
  private waiting = 0;

  constructor(private readonly workMs: number) {}

  /** Resolves with how many jobs were ahead of this one when it was queued. */
  run(): Promise<number> {
    const ahead = this.waiting;
    this.waiting += 1;
    const job = this.tail.then(() => this.sleep()).finally(() => {
      this.waiting -= 1;
    });
    this.tail = job.catch(() => undefined);
    return job.then(() => ahead);
  }

  /** Releases every waiting job at once and clears its timers; later jobs do not wait at all. */
  close(): void {
    this.isClosed = true;
    for (const [timer, wake] of this.sleepers) {
      clearTimeout(timer);
      wake();
    }
    this.sleepers.clear();
  }

  private sleep(): Promise<void> {
    if (this.isClosed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.sleepers.delete(timer);
        resolve();
      }, this.workMs);
      this.sleepers.set(timer, resolve);
    });
  }
}
