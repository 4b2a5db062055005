import type { CoverageEntry, UnreachedReason } from '../../core/coverage.js';
import type { AuditExchange } from '../../checks/types.js';
import type { Operation } from '../../spec/model.js';

/** Responses that say the route itself is not there, whatever the values: an operation answering only one of these is dead. */
const deadStatuses: ReadonlySet<number> = new Set([404, 405, 410, 501]);
/** Responses an operation must answer, all with the same dead status, before the audit stops sending to it. */
export const deadAfter = 6;

interface Tally {
  requests: number;
  validRequests: number;
  transportErrors: number;
  statuses: Map<number, number>;
  validStatuses: Map<number, number>;
  /** Distinct URLs of valid requests: how many different values were tried. */
  validTargets: Set<string>;
  reached: boolean;
  stopped: string | null;
}

/**
 * Counts what each operation was sent and answered, knows which were reached with a valid request, and
 * says when an operation is dead: it has only ever answered the same 404, 405, 410 or 501 to every
 * request, valid or not, with several values. Such an operation gets no more requests (they would all
 * answer the same), and the budget goes where it can find something.
 */
export class CoverageTracker {
  private readonly tallies = new Map<string, Tally>();
  private readonly byKey: Map<string, Operation>;

  constructor(private readonly operations: readonly Operation[]) {
    for (const operation of operations) this.tallies.set(operation.key, emptyTally());
    this.byKey = new Map(operations.map((operation) => [operation.key, operation]));
  }

  /** Record one exchange; returns a note when it made the operation dead. */
  record(exchange: AuditExchange): string | null {
    const tally = exchange.operation ? this.tallies.get(exchange.operation) : undefined;
    if (!tally) return null;
    tally.requests++;
    const status = exchange.response?.status;
    const isValid = exchange.inputKind === 'valid';
    if (isValid) tally.validRequests++;
    if (status === undefined) {
      tally.transportErrors++;
      return null;
    }
    tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
    if (isValid) {
      tally.validStatuses.set(status, (tally.validStatuses.get(status) ?? 0) + 1);
      tally.validTargets.add(exchange.request.url);
      if (isSuccess(this.byKey.get(exchange.operation!)!, status)) tally.reached = true;
    }
    return this.checkDead(exchange.operation!, tally);
  }

  /** Requests the load generator sent for the operation (a burst's concurrent half): counted, never judged as valid. */
  recordLoad(operation: string | null | undefined, statuses: Readonly<Record<string, number>>, transportErrors: number): void {
    const tally = operation ? this.tallies.get(operation) : undefined;
    if (!tally) return;
    for (const [status, count] of Object.entries(statuses)) {
      tally.requests += count;
      tally.statuses.set(Number(status), (tally.statuses.get(Number(status)) ?? 0) + count);
    }
    tally.requests += transportErrors;
    tally.transportErrors += transportErrors;
  }

  isReached(operation: string): boolean {
    return this.tallies.get(operation)?.reached ?? false;
  }

  /** True once the operation is dead (see the class comment): the audit sends it nothing more. */
  isStopped(operation: string | null | undefined): boolean {
    return operation != null && (this.tallies.get(operation)?.stopped ?? null) !== null;
  }

  /** Valid requests sent to the operation so far. */
  validRequests(operation: string): number {
    return this.tallies.get(operation)?.validRequests ?? 0;
  }

  /** The statuses valid requests to the operation got, most frequent first. */
  validStatuses(operation: string): number[] {
    const tally = this.tallies.get(operation);
    return tally ? [...tally.validStatuses.entries()].sort((a, b) => b[1] - a[1]).map(([status]) => status) : [];
  }

  /** A signature of everything seen so far (operation × status), for telling whether a round found something new. */
  seen(): Set<string> {
    const out = new Set<string>();
    for (const [key, tally] of this.tallies) {
      for (const status of tally.statuses.keys()) out.add(`${key} ${status}`);
      if (tally.reached) out.add(`${key} reached`);
    }
    return out;
  }

  reachedCount(): number {
    return [...this.tallies.values()].filter((t) => t.reached).length;
  }

  /** One entry per operation, in the spec's order. */
  entries(context: { isDestructiveAllowed: boolean; isBudgetSpent: boolean; givenUp: (operation: string) => boolean }): CoverageEntry[] {
    return this.operations.map((operation) => {
      const tally = this.tallies.get(operation.key)!;
      const stopped = tally.stopped !== null || context.givenUp(operation.key);
      const base = {
        operation: operation.key,
        requests: tally.requests,
        validRequests: tally.validRequests,
        statuses: Object.fromEntries([...tally.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([status, count]) => [String(status), count])),
        transportErrors: tally.transportErrors,
        reached: tally.reached,
        ...(stopped ? { stopped: true } : {}),
      };
      if (tally.reached) return base;
      const [reason, why] = unreached(operation, tally, context);
      return { ...base, reason, why };
    });
  }

  private checkDead(operation: string, tally: Tally): string | null {
    if (tally.reached || tally.stopped !== null) return null;
    const responses = [...tally.statuses.values()].reduce((a, b) => a + b, 0);
    if (responses < deadAfter || tally.statuses.size !== 1) return null;
    const status = [...tally.statuses.keys()][0]!;
    if (!deadStatuses.has(status)) return null;
    const values = tally.validTargets.size;
    tally.stopped = `stopped sending to ${operation} after its ${responses} responses were all ${status} (${values} different valid request${values === 1 ? '' : 's'} among them)`;
    return tally.stopped;
  }
}

/** A 2xx, or a redirect the operation documents (a `/docs/latest` that answers 302 does what it promises). */
function isSuccess(operation: Operation, status: number): boolean {
  if (status >= 200 && status < 300) return true;
  return status >= 300 && status < 400 && operation.responses.some((r) => r.status === String(status) || r.status.toUpperCase() === '3XX');
}

function emptyTally(): Tally {
  return { requests: 0, validRequests: 0, transportErrors: 0, statuses: new Map(), validStatuses: new Map(), validTargets: new Set(), reached: false, stopped: null };
}

function isDestructive(operation: Operation): boolean {
  return ['post', 'put', 'patch', 'delete'].includes(operation.method);
}

function unreached(operation: Operation, tally: Tally, context: { isDestructiveAllowed: boolean; isBudgetSpent: boolean }): [UnreachedReason, string] {
  if (tally.requests === 0) {
    if (isDestructive(operation) && !context.isDestructiveAllowed) return ['destructive-skipped', 'not sent: destructive methods go only to a loopback target unless --unsafe'];
    if (context.isBudgetSpent) return ['budget-spent', 'not sent: the budget was spent before its turn'];
    return ['not-sent', 'no request could be built for it'];
  }
  // Judge by what valid requests got; an operation that only got invalid or probe traffic is judged by all of it.
  const statuses = tally.validStatuses.size > 0 ? tally.validStatuses : tally.statuses;
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  const values = tally.validTargets.size;
  const tried = `${total} request${total === 1 ? '' : 's'}${values > 1 ? ` with ${values} different values` : ''}`;
  if (total === 0) return ['transport-error', `no response: all ${tally.transportErrors} requests ended in transport errors`];
  const only = (codes: (status: number) => boolean) => [...statuses.keys()].every(codes);
  if (only((s) => s === 404)) return ['not-found', `every value answered 404 (${tried}): no resource the audit could name exists there, or the route is missing`];
  if (only((s) => s === 410)) return ['gone', `answered 410 Gone to ${tried}: the operation was removed but is still documented`];
  if (only((s) => s === 405 || s === 501)) return ['method-not-allowed', `answered ${[...statuses.keys()].join('/')} to ${tried}: the method is not routed`];
  if (only((s) => s === 401 || s === 403)) return ['unauthorized', `every credential tried answered ${[...statuses.keys()].join('/')} (${tried}): configure a role that may call it`];
  if (only((s) => s >= 500)) return ['server-error', `only server errors (${[...statuses.keys()].join(', ')}) to ${tried}`];
  if (only((s) => s === 429)) return ['rate-limited', `answered 429 to ${tried}`];
  const listed = [...statuses.entries()].sort((a, b) => b[1] - a[1]).map(([status, count]) => `${status} ×${count}`).join(', ');
  return ['rejected', `valid requests were refused (${listed}): the values the audit could build were not accepted; add examples to the spec`];
}
