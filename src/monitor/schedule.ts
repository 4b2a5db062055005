import { Cron } from 'croner';

/** When a monitor runs next: a fixed interval from a start time, or a cron expression. */
export interface Schedule {
  /** The first planned run at or after `after`. */
  next(after: number): number;
  readonly description: string;
}

export function intervalSchedule(intervalMs: number, start: number): Schedule {
  return {
    description: `every ${intervalMs} ms`,
    next(after) {
      if (after <= start) return start;
      return start + Math.ceil((after - start) / intervalMs) * intervalMs;
    },
  };
}

export function cronSchedule(expression: string): Schedule {
  const cron = new Cron(expression, { paused: true });
  return {
    description: `cron ${expression}`,
    next(after) {
      const next = cron.nextRun(new Date(after - 1));
      if (!next) throw new Error(`cron '${expression}' has no next run`);
      return next.getTime();
    },
  };
}

/** Throws with croner's message when the expression is not valid cron. */
export function validateCron(expression: string): void {
  new Cron(expression, { paused: true }).stop();
}
