import type { TransportErrorCode } from '../../http/types.js';

/** Consecutive transport errors after which an operation gets no more requests. */
export const defaultFailureLimit = 3;

// Failures of faultline's own making say nothing about the API: they neither count nor break a streak.
const neutralCodes: ReadonlySet<TransportErrorCode> = new Set(['UNSAFE_TARGET', 'INVALID_REQUEST', 'CLIENT_CLOSED']);

export interface Outcome {
  /** The transport error the exchange ended in, if any. */
  readonly errorCode?: TransportErrorCode | undefined;
  /** The request's timeout was shortened to fit the audit's deadline, so its timeout is the audit's doing. */
  readonly isCutByDeadline?: boolean;
}

/**
 * Tracks consecutive transport errors per operation and gives up on an operation after `limit` of them
 * in a row. An operation that never answers costs a whole timeout per request: without this, one dead
 * route would eat the time budget and the rest of the API would go untested. The failures themselves
 * stay in the recorded traffic, where resilience.transport-failure reports them.
 */
export class FailingOperations {
  private readonly streaks = new Map<string, TransportErrorCode[]>();
  private readonly given = new Map<string, string>();

  constructor(readonly limit: number = defaultFailureLimit) {}

  /** True once the operation failed `limit` times in a row; its requests are then not sent. */
  isGivenUp(operation: string | null | undefined): boolean {
    return operation != null && this.given.has(operation);
  }

  /** Record one exchange's outcome; returns the note to report when it made the audit give up on the operation. */
  record(operation: string | null | undefined, outcome: Outcome): string | null {
    if (operation == null || this.given.has(operation)) return null;
    const code = outcome.errorCode;
    if (code === undefined) {
      this.streaks.delete(operation);
      return null;
    }
    if (neutralCodes.has(code) || (outcome.isCutByDeadline && code.startsWith('TIMEOUT'))) return null;
    const streak = [...(this.streaks.get(operation) ?? []), code];
    if (streak.length < this.limit) {
      this.streaks.set(operation, streak);
      return null;
    }
    this.streaks.delete(operation);
    const codes = [...new Set(streak)].join(', ');
    const note = `stopped sending to ${operation} after ${streak.length} transport errors in a row (${codes}); its later requests were skipped`;
    this.given.set(operation, note);
    return note;
  }

  /** One note per operation given up on, in the order it happened. */
  notes(): string[] {
    return [...this.given.values()];
  }
}
