import type { Operation, SpecModel } from '../../spec/model.js';
import type { Role } from '../../checks/types.js';
import { fuzzOperation, isFuzzable } from './fuzz.js';
import { bodyMutations, parameterMutations } from './mutations.js';
import { assemble, fitsType, isSecured, pathParametersInOrder, validParts, type RequestParts } from './request-builder.js';
import type { AuditSession } from './services.js';
import { parseSetCookies } from '../../checks/audit/session/set-cookie.js';

// Creates first so later reads find real ids; lists before items; destructive calls last.
const methodOrder: Record<string, number> = { post: 0, get: 1, head: 2, options: 3, put: 4, patch: 5, delete: 6, trace: 7 };

export function orderForTraffic(operations: readonly Operation[]): Operation[] {
  return [...operations].sort((a, b) => {
    const byMethod = (methodOrder[a.method] ?? 9) - (methodOrder[b.method] ?? 9);
    if (byMethod !== 0) return byMethod;
    return a.path.split('{').length - b.path.split('{').length || a.path.localeCompare(b.path);
  });
}

export function documentsRateLimit(operation: Operation): boolean {
  return operation.responses.some((r) => r.status === '429');
}

export function isDestructive(operation: Operation): boolean {
  return ['post', 'put', 'patch', 'delete'].includes(operation.method);
}

function isOk(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/** True when the phases may send to the operation: allowed, not given up on, not dead, not rate-limited. */
function isSendable(session: AuditSession, operation: Operation): boolean {
  if (isDestructive(operation) && !session.isDestructiveAllowed) return false;
  return !session.failing.isGivenUp(operation.key) && !session.coverage.isStopped(operation.key) && !session.rateLimited.has(operation.key);
}

/** Phase 'examples': one valid request per operation, built from the spec's examples and learnt values. */
export async function examplesPhase(session: AuditSession, spec: SpecModel, operations: readonly Operation[]): Promise<void> {
  for (const operation of operations) {
    if (!isSendable(session, operation)) continue;
    // Changing or deleting: aim at a resource created for the purpose, not at one later requests read.
    const fresh = ['put', 'patch', 'delete'].includes(operation.method) ? await session.createFor(operation) : null;
    if (session.isBudgetSpent()) return;
    const parts = validParts(spec, operation, session.pool, fresh ?? {});
    // null is a spent budget (stop) or an operation given up on or refused as unsafe (next one).
    if (!(await session.sendValid(operation, parts, session.defaultRole(operation))) && session.isBudgetSpent()) return;
  }
}

/**
 * Finds other valid requests for operations no valid request has reached yet, one attempt per
 * operation and round: other learnt values for the path parameters (every combination of the best
 * few, parents matched to children), a resource created for the purpose, the other roles when the
 * answer was 401/403, and freshly generated values (a create refused as a duplicate). State is kept
 * between rounds, so each attempt is new.
 */
export class Reacher {
  private readonly tried = new Map<string, Set<string>>();
  private readonly created = new Set<string>();
  private readonly rolesTried = new Map<string, Set<string>>();
  private readonly regenerated = new Map<string, number>();
  private readonly exhausted = new Set<string>();
  private readonly sessionTried = new Set<string>();

  constructor(
    private readonly session: AuditSession,
    private readonly spec: SpecModel,
  ) {}

  /** Operations still worth an attempt. */
  pending(operations: readonly Operation[]): Operation[] {
    // An operation that documents 429 (a login) gets no retries: failed attempts are what lock accounts.
    return operations.filter((op) => !this.session.coverage.isReached(op.key) && !this.exhausted.has(op.key) && !documentsRateLimit(op) && isSendable(this.session, op));
  }

  /** One attempt for each pending operation; returns how many requests it sent (0: nothing left to try). */
  async round(operations: readonly Operation[], maxRequests: number): Promise<number> {
    let sent = 0;
    for (const operation of this.pending(operations)) {
      if (sent >= maxRequests || this.session.isBudgetSpent()) break;
      const attempt = await this.next(operation);
      if (!attempt) {
        this.exhausted.add(operation.key);
        continue;
      }
      const exchange = await this.session.sendValid(operation, attempt.parts, attempt.role);
      if (!exchange && this.session.isBudgetSpent()) break;
      sent++;
    }
    return sent;
  }

  private async next(operation: Operation): Promise<{ parts: RequestParts; role: Role | null } | null> {
    const role = this.session.defaultRole(operation);
    const tried = this.tried.get(operation.key) ?? new Set<string>();
    this.tried.set(operation.key, tried);
    // The example phase's request is the first combination; mark it so it is not sent again.
    if (tried.size === 0) tried.add(JSON.stringify(validParts(this.spec, operation, this.session.pool).path));
    for (const combination of this.pathCombinations(operation)) {
      const key = JSON.stringify(combination);
      if (tried.has(key)) continue;
      tried.add(key);
      return { parts: validParts(this.spec, operation, this.session.pool, combination), role };
    }
    if (!this.created.has(operation.key) && pathParametersInOrder(operation).length > 0) {
      this.created.add(operation.key);
      const fresh = await this.session.createFor(operation);
      if (fresh) {
        tried.add(JSON.stringify(fresh));
        return { parts: validParts(this.spec, operation, this.session.pool, fresh), role };
      }
    }
    const statuses = this.session.coverage.validStatuses(operation.key);
    if (statuses.some((s) => s === 401 || s === 403) && !this.sessionTried.has(operation.key)) {
      this.sessionTried.add(operation.key);
      const issued = await this.issuedSession(operation);
      if (issued) return { parts: this.session.baseParts(operation), role: issued };
    }
    if (statuses.some((s) => s === 401 || s === 403)) {
      const rolesTried = this.rolesTried.get(operation.key) ?? new Set<string>(role ? [role.name] : []);
      this.rolesTried.set(operation.key, rolesTried);
      const other = this.session.roles.find((r) => !rolesTried.has(r.name));
      if (other) {
        rolesTried.add(other.name);
        return { parts: this.session.baseParts(operation), role: other };
      }
    }
    // New generated values: a unique name or email where the last create was refused as a duplicate.
    const regenerations = this.regenerated.get(operation.key) ?? 0;
    // A public operation's 401 (a login) is about what the body said, so new values may help there too.
    const isRefusal = (s: number) => s >= 400 && s < 500 && s !== 404 && ((s !== 401 && s !== 403) || !isSecured(operation));
    if (regenerations < 2 && statuses.some(isRefusal)) {
      this.regenerated.set(operation.key, regenerations + 1);
      return { parts: validParts(this.spec, operation, this.session.pool), role };
    }
    return null;
  }

  /**
   * A session of the API's own making for an operation secured by a cookie: when an earlier response
   * set a cookie of the scheme's name (a login), sign in again the same way (its session may have
   * ended since: a logout) and carry the new cookie. Null when no response ever set one.
   */
  private async issuedSession(operation: Operation): Promise<Role | null> {
    const names = new Set(
      operation.security.flatMap((alternative) => alternative.schemes).flatMap(({ name }) => {
        const scheme = this.spec.securitySchemes.find((s) => s.name === name);
        return scheme?.type === 'apiKey' && scheme.in === 'cookie' && scheme.paramName ? [scheme.paramName] : [];
      }),
    );
    if (names.size === 0) return null;
    const issuer = [...this.session.exchanges()].reverse().find((e) => e.inputKind === 'valid' && isOk(e.response?.status) && parseSetCookies(e.response?.headers['set-cookie']).some((c) => names.has(c.name) && c.value));
    const login = this.session.operation(issuer?.operation ?? null);
    if (!login) return null;
    const again = await this.session.sendValid(login, this.session.baseParts(login), this.session.defaultRole(login));
    const cookie = parseSetCookies(again?.response?.headers['set-cookie']).find((c) => names.has(c.name) && c.value);
    return cookie ? { name: `session from ${login.key}`, headers: { cookie: `${cookie.name}=${cookie.value}` }, scopes: [] } : null;
  }

  /** Combinations of learnt values for the path parameters, parents first, at most a dozen. */
  private pathCombinations(operation: Operation): Record<string, string | number>[] {
    const parameters = pathParametersInOrder(operation).filter((p) => p.example === undefined && p.examples.length === 0);
    if (parameters.length === 0) return [];
    const out: Record<string, string | number>[] = [];
    const walk = (index: number, chosen: Record<string, string | number>) => {
      if (out.length >= 12) return;
      if (index === parameters.length) {
        out.push({ ...chosen });
        return;
      }
      const parameter = parameters[index]!;
      const values = this.session.pool.candidates(operation.path, parameter.name, chosen).filter((v) => fitsType(this.spec, parameter, v)).slice(0, 4);
      for (const value of values) walk(index + 1, { ...chosen, [parameter.name]: value });
    };
    walk(0, {});
    return out;
  }
}

/** Phase 'reach': rounds of Reacher attempts until every operation is reached or nothing is left to try. */
export async function reachPhase(reacher: Reacher, operations: readonly Operation[], maxRequests: number, maxRounds = 6): Promise<void> {
  let sent = 0;
  for (let round = 0; round < maxRounds && sent < maxRequests; round++) {
    const now = await reacher.round(operations, maxRequests - sent);
    if (now === 0) return;
    sent += now;
  }
}

/** Phase 'negative': each deliberate violation once, on top of a request that reached the operation. */
export async function negativePhase(session: AuditSession, spec: SpecModel, operations: readonly Operation[], maxRequests: number, maxPerOperation = 16): Promise<void> {
  let sent = 0;
  for (const operation of operations) {
    if (!isSendable(session, operation)) continue;
    // Deleting with bad input could still delete; the permission and example phases cover DELETE.
    if (operation.method === 'delete') continue;
    // A rate-limited operation (it documents 429) gets only a taste of invalid input, so the checks that
    // need it later (a login for the session checks) are not locked out by the audit's own traffic.
    const limit = documentsRateLimit(operation) ? 2 : maxPerOperation;
    const base = session.baseParts(operation);
    const role = session.defaultRole(operation);
    const mutations = [...parameterMutations(spec, operation), ...bodyMutations(spec, operation)].slice(0, limit);
    for (const mutation of mutations) {
      if (sent >= maxRequests) return;
      if (session.rateLimited.has(operation.key)) break;
      const applied = mutation.apply(base);
      const request = assemble(operation, applied.parts, role, {}, applied.bodyText);
      const exchange = await session.probe({ ...request, inputKind: 'invalid', mutation: mutation.description });
      if (!exchange) {
        if (session.isBudgetSpent()) return;
        break; // given up on after repeated transport errors, or dead: the other operations still get theirs
      }
      sent++;
    }
  }
}

/**
 * Phase 'fuzz': property-based inputs with shrinking: JSON bodies, or the parameters of operations
 * without one. `perOperation` requests each (half runs, half shrinking); returns the requests sent and
 * the failures found (operation, status class, valid or mutated), for the explore phase's novelty rule.
 */
export async function fuzzPhase(session: AuditSession, spec: SpecModel, operations: readonly Operation[], maxRequests: number, seed: number, perOperation?: number): Promise<{ sent: number; failures: Set<string> }> {
  const failures = new Set<string>();
  const candidates = operations.filter((op) => isFuzzable(op) && op.method !== 'delete' && !documentsRateLimit(op) && isSendable(session, op));
  if (candidates.length === 0 || maxRequests <= 0) return { sent: 0, failures };
  const each = perOperation ?? Math.max(4, Math.floor(maxRequests / candidates.length));
  let sent = 0;
  for (const operation of candidates) {
    if (sent >= maxRequests || session.isBudgetSpent()) break;
    if (!isSendable(session, operation)) continue;
    const outcome = await fuzzOperation(
      spec,
      operation,
      session.baseParts(operation),
      session.defaultRole(operation),
      (request, meta) => (session.rateLimited.has(operation.key) ? Promise.resolve(null) : session.send({ ...request, ...meta })),
      { numRuns: Math.max(2, Math.floor(each / 2)), maxShrinkRequests: Math.ceil(each / 2), seed },
    );
    sent += outcome.sent;
    for (const exchange of outcome.kept) session.record(exchange);
    if (outcome.failure) {
      const status = outcome.failure.exchange.response?.status ?? 0;
      failures.add(`${operation.key} ${Math.floor(status / 100)}xx ${outcome.failure.exchange.inputKind}`);
    }
  }
  return { sent, failures };
}

/** Rounds without anything new (an operation reached, an operation × status pair, a kind of failure) after which exploring stops. */
export const quietRoundsToStop = 3;

/**
 * Phase 'explore': what is left of the traffic budget goes where it can still find something. Each
 * round gives every unreached operation one more attempt (values learnt since, a fresh create, other
 * roles) and every reached operation a small batch of fuzzing with a new seed (bodies, or path, query
 * and header parameters). It stops when the budget share or the time share is spent, or when
 * `quietRoundsToStop` rounds in a row brought nothing new. See docs/ARCHITECTURE.md.
 */
export async function explorePhase(
  session: AuditSession,
  spec: SpecModel,
  operations: readonly Operation[],
  reacher: Reacher,
  options: { maxRequests: number; seed: number; isTimeUp: () => boolean; batch?: number; maxRounds?: number },
): Promise<{ rounds: number; sent: number; stoppedBecause: 'saturated' | 'budget' | 'time' | 'nothing-to-send' | 'max-rounds' }> {
  const failures = new Set<string>();
  let quiet = 0;
  let sent = 0;
  let rounds = 0;
  const maxRounds = options.maxRounds ?? 40;
  while (quiet < quietRoundsToStop && rounds < maxRounds && sent < options.maxRequests && !options.isTimeUp() && !session.isBudgetSpent()) {
    rounds++;
    const before = session.coverage.seen().size + failures.size;
    const beforeSent = session.sentCount;
    session.phase = 'reach';
    await reacher.round(operations, options.maxRequests - sent);
    session.phase = 'fuzz';
    const reached = operations.filter((op) => session.coverage.isReached(op.key));
    const fuzzed = await fuzzPhase(session, spec, reached, options.maxRequests - (sent + session.sentCount - beforeSent), options.seed + rounds * 7919, options.batch ?? 6);
    for (const failure of fuzzed.failures) failures.add(failure);
    session.phase = 'explore';
    const roundSent = session.sentCount - beforeSent;
    sent += roundSent;
    if (roundSent === 0) return { rounds, sent, stoppedBecause: session.isBudgetSpent() || sent >= options.maxRequests ? 'budget' : 'nothing-to-send' };
    quiet = session.coverage.seen().size + failures.size > before ? 0 : quiet + 1;
  }
  const stoppedBecause = quiet >= quietRoundsToStop ? 'saturated' : rounds >= maxRounds ? 'max-rounds' : options.isTimeUp() ? 'time' : 'budget';
  return { rounds, sent, stoppedBecause };
}
