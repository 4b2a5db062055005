import type { Operation, SpecModel } from '../../spec/model.js';
import { fuzzOperation } from './fuzz.js';
import { bodyMutations, parameterMutations } from './mutations.js';
import { assemble, isRoleAllowed, isSecured, validParts } from './request-builder.js';
import type { AuditSession } from './services.js';

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

function roleFor(session: AuditSession, operation: Operation) {
  return isSecured(operation) ? (session.roles.find((r) => isRoleAllowed(operation, r)) ?? null) : null;
}

/** Phase 'examples': one valid request per operation, built from the spec's examples and learnt ids. */
export async function examplesPhase(session: AuditSession, operations: readonly Operation[]): Promise<void> {
  for (const operation of operations) {
    if (isDestructive(operation) && !session.isDestructiveAllowed) continue;
    const request = operation.method === 'delete' || operation.method === 'put' || operation.method === 'patch'
      ? await session.freshRequestFor(operation)
      : session.requestFor(operation);
    if (!request) continue;
    // null is a spent budget (stop) or an operation given up on or refused as unsafe (next one).
    if (!(await session.probe({ ...request, inputKind: 'valid' })) && session.isBudgetSpent()) return;
  }
}

/** Phase 'negative': each deliberate violation once, on top of a valid request. */
export async function negativePhase(session: AuditSession, spec: SpecModel, operations: readonly Operation[], maxRequests: number, maxPerOperation = 16): Promise<void> {
  let sent = 0;
  for (const operation of operations) {
    if (isDestructive(operation) && !session.isDestructiveAllowed) continue;
    // Deleting with bad input could still delete; the permission and example phases cover DELETE.
    if (operation.method === 'delete') continue;
    if (session.failing.isGivenUp(operation.key)) continue;
    // A rate-limited operation (it documents 429) gets only a taste of invalid input, so the checks that
    // need it later (a login for the session checks) are not locked out by the audit's own traffic.
    const limit = documentsRateLimit(operation) ? 2 : maxPerOperation;
    const base = validParts(spec, operation, session.pool);
    const role = roleFor(session, operation);
    const mutations = [...parameterMutations(spec, operation), ...bodyMutations(spec, operation)].slice(0, limit);
    for (const mutation of mutations) {
      if (sent >= maxRequests) return;
      if (session.rateLimited.has(operation.key)) break;
      const applied = mutation.apply(base);
      const request = assemble(operation, applied.parts, role, {}, applied.bodyText);
      const exchange = await session.probe({ ...request, inputKind: 'invalid', mutation: mutation.description });
      if (!exchange) {
        if (session.isBudgetSpent()) return;
        break; // given up on after repeated transport errors: the other operations still get theirs
      }
      sent++;
    }
  }
}

/** Phase 'fuzz': property-based bodies with shrinking, for operations that take a JSON body. */
export async function fuzzPhase(session: AuditSession, spec: SpecModel, operations: readonly Operation[], maxRequests: number, seed: number): Promise<void> {
  const candidates = operations.filter(
    (op) => op.requestBody && op.method !== 'delete' && !documentsRateLimit(op) && !session.rateLimited.has(op.key) && (!isDestructive(op) || session.isDestructiveAllowed),
  );
  if (candidates.length === 0 || maxRequests <= 0) return;
  const perOperation = Math.max(4, Math.floor(maxRequests / candidates.length));
  let sent = 0;
  for (const operation of candidates) {
    if (sent >= maxRequests || session.isBudgetSpent()) return;
    if (session.failing.isGivenUp(operation.key)) continue;
    const base = validParts(spec, operation, session.pool);
    const role = roleFor(session, operation);
    const outcome = await fuzzOperation(
      spec,
      operation,
      base,
      role,
      (request, meta) => (session.rateLimited.has(operation.key) ? Promise.resolve(null) : session.send({ ...request, ...meta })),
      { numRuns: Math.max(2, Math.floor(perOperation / 2)), maxShrinkRequests: Math.ceil(perOperation / 2), seed },
    );
    sent += outcome.sent;
    for (const exchange of outcome.kept) session.record(exchange);
  }
}
