/**
 * How far a live audit got with each operation: what it sent, what came back, and whether a valid
 * request ever reached a 2xx. An operation the audit never reached was tested only at its front door
 * (routing, auth, validation), so every report says which ones and why.
 */
export type UnreachedReason =
  | 'not-sent'
  | 'destructive-skipped'
  | 'budget-spent'
  | 'not-found'
  | 'gone'
  | 'method-not-allowed'
  | 'unauthorized'
  | 'server-error'
  | 'rejected'
  | 'rate-limited'
  | 'transport-error';

export interface CoverageEntry {
  /** 'METHOD /path/template'. */
  readonly operation: string;
  /** Every request sent for the operation: valid, invalid and the checks' probes. */
  readonly requests: number;
  /** Requests meant to be valid (examples, learnt values, generated values that fit the schema). */
  readonly validRequests: number;
  /** Responses by status code ('200': 3); transport errors are not statuses and are counted apart. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly transportErrors: number;
  /** A valid request answered 2xx. */
  readonly reached: boolean;
  /** Why not, when not reached. */
  readonly reason?: UnreachedReason;
  /** The reason in a sentence, with the numbers behind it. */
  readonly why?: string;
  /** The audit stopped sending to it (it only ever answered the same 404/405, or failed at the transport level). */
  readonly stopped?: boolean;
}

/** 'reached 17 of 19 operations with a 2xx' and the share, for summaries. */
export function coverageSummary(coverage: readonly CoverageEntry[]): { reached: number; total: number; sentence: string; isLow: boolean } {
  const reached = coverage.filter((c) => c.reached).length;
  const total = coverage.length;
  return {
    reached,
    total,
    sentence: `reached ${reached} of ${total} operation${total === 1 ? '' : 's'} with a 2xx`,
    // Fewer than half reached: most findings then come from the API's front door, not its behaviour.
    isLow: total > 0 && reached * 2 < total,
  };
}

/** The warning every report puts at its top when fewer than half of the operations were reached. */
export function lowCoverageWarning(coverage: readonly CoverageEntry[]): string | null {
  const summary = coverageSummary(coverage);
  if (!summary.isLow) return null;
  return `Low coverage: the audit ${summary.sentence}, so most operations were tested only up to their routing, authentication and validation. See the coverage table for why, and give examples, credentials or a bigger budget.`;
}
