import { anonymousPrincipal, type PermissionCell, type PermissionMatrix, type PermissionRow, type PermissionVerdict } from '../../core/permission-matrix.js';
import type { LiveCell, LiveMatrix, ProbeRequest, Role } from '../../checks/types.js';
import { describeSecurity, isSecured, withoutCredentials } from '../../checks/audit/auth/security.js';
import type { Operation, SecurityAlternative, SpecModel } from '../../spec/model.js';
import { collectionOf } from '../../spec/path-template.js';
import type { AuditSession } from './services.js';

// Reads first; then changes; creates; deletions last and deepest first (a comment before its post).
const methodOrder: Record<string, number> = { get: 0, head: 1, options: 2, put: 3, patch: 4, post: 5, delete: 6, trace: 7 };

/** True when the role carries a credential for every scheme of the alternative and holds its scopes. */
function satisfies(spec: SpecModel, role: Role, alternative: SecurityAlternative): boolean {
  const headers = new Map(Object.entries(role.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const cookies = (headers.get('cookie') ?? '').split(';').map((part) => part.split('=')[0]!.trim());
  return alternative.schemes.every(({ name, scopes }) => {
    if (!scopes.every((scope) => role.scopes.includes(scope))) return false;
    const scheme = spec.securitySchemes.find((s) => s.name === name);
    if (!scheme) return true;
    if (scheme.type === 'apiKey') {
      if (scheme.in === 'header') return headers.has((scheme.paramName ?? '').toLowerCase());
      if (scheme.in === 'cookie') return cookies.includes(scheme.paramName ?? '');
      return true; // a query key: the role's headers cannot show it, so trust its scopes
    }
    if (scheme.type === 'mutualTLS') return false;
    return headers.has('authorization');
  });
}

/** What the spec lets the principal do: anonymous only public operations, a role those it has credentials and scopes for. */
export function qualifies(spec: SpecModel, operation: Operation, role: Role | null): boolean {
  if (!isSecured(operation)) return true;
  return role !== null && operation.security.some((alternative) => satisfies(spec, role, alternative));
}

function isOk(operation: Operation, status: number): boolean {
  if (status >= 200 && status < 300) return true;
  return status >= 300 && status < 400 && operation.responses.some((r) => r.status === String(status));
}

/**
 * The resource a principal's request to an item operation aims at: one it created itself when it may
 * create (always a fresh one for a change or deletion), else the newest one it received, else whatever
 * the audit learnt (isOwn false: a denial then may be ownership). Operations on no item: isOwn null.
 */
async function targetFor(session: AuditSession, spec: SpecModel, operation: Operation, role: Role | null, isItemChange: boolean): Promise<{ pathParams?: Record<string, string | number>; isOwn: boolean | null }> {
  const itemParam = /\{([^}]+)\}/.test(operation.path) ? [...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).pop()! : null;
  if (!itemParam) return { isOwn: null };
  const collection = collectionOf(operation.path, itemParam);
  const create = spec.operations.find((op) => op.method === 'post' && op.path === collection);
  const canCreate = role !== null && create !== undefined && session.isDestructiveAllowed && qualifies(spec, create, role);
  const own = role === null ? undefined : session.learned().filter((l) => l.collection === collection && l.role === role.name).pop();
  if (canCreate && (isItemChange || !own)) {
    const fresh = await session.createFor(operation.path.endsWith(`{${itemParam}}`) ? operation : { ...operation, path: `${collection}/{${itemParam}}` }, {}, role);
    if (fresh) return { pathParams: fresh, isOwn: true };
  }
  if (own && !isItemChange) return { pathParams: { ...own.parents, [itemParam]: own.value }, isOwn: true };
  // A change or deletion by someone who cannot create: aim it at a fresh resource of the default role's.
  const fresh = isItemChange ? await session.createFor(operation) : null;
  return fresh ? { pathParams: fresh, isOwn: false } : { isOwn: role === null ? false : own !== undefined };
}

/** The verdict for one answer, and why when it is untested. */
export function verdictOf(operation: Operation, expected: 'allowed' | 'denied', status: number | null): { verdict: PermissionVerdict; why?: string } {
  if (status === null) return { verdict: 'untested', why: 'no response (transport error)' };
  if (status >= 500) return { verdict: 'error' };
  if (isOk(operation, status)) return { verdict: expected === 'allowed' ? 'allowed' : 'violation' };
  if (status === 401 || status === 403) return { verdict: expected === 'allowed' ? 'over-denied' : 'denied' };
  if (status === 404 && expected === 'denied') return { verdict: 'denied' };
  // A 404 for a role that qualifies, or a 400/409/422 for anyone: the request itself was not good enough to judge.
  return { verdict: 'untested', why: `answered ${status} before permissions could be judged (no valid request)` };
}

// Fields an API checks against the caller (whose record, which password), so a refusal may be about them.
const callerBoundFields = /^(user_?id|owner(_?id)?|author(_?id)?|account_?id|customer_?id|created_?by|pass(word|code|phrase)?|secret|otp|pin|current_?password)$/i;

/** The first field of a JSON body, at the top or one level down, that the API may check against the caller. */
function bodyField(body: string | undefined): string | undefined {
  if (!body) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const visit = (value: unknown, depth: number): string | undefined => {
    if (!value || typeof value !== 'object' || Array.isArray(value) || depth > 1) return undefined;
    for (const [key, inner] of Object.entries(value)) {
      if (callerBoundFields.test(key)) return key;
      const found = visit(inner, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return visit(parsed, 0);
}

function groupOf(operation: Operation): string {
  return operation.tags[0] ?? `/${operation.path.split('/').filter(Boolean)[0] ?? ''}`;
}

/**
 * Try every configured role and anonymous against every operation, once each, and judge each answer
 * against the spec. Reads go as they are; a change or deletion of one resource goes to a resource
 * created for that cell (deleting it once per principal), and destructive operations only where
 * destructive requests are allowed. Requests go through the session, so they count against the budget
 * and are recorded: the checks read their evidence from the cells.
 */
export async function buildPermissionMatrix(session: AuditSession, spec: SpecModel): Promise<LiveMatrix> {
  const principals: { name: string; role: Role | null }[] = [{ name: anonymousPrincipal, role: null }, ...session.roles.map((role) => ({ name: role.name, role }))];
  const operations = [...spec.operations].sort((a, b) => (methodOrder[a.method] ?? 9) - (methodOrder[b.method] ?? 9) || (a.method === 'delete' ? b.path.length - a.path.length : 0));
  const rows: LiveMatrix['rows'][number][] = [];
  for (const operation of operations) {
    const cells: Record<string, LiveCell> = {};
    const isDestructive = ['post', 'put', 'patch', 'delete'].includes(operation.method);
    const isItemChange = ['put', 'patch', 'delete'].includes(operation.method) && /\{[^}]+\}/.test(operation.path);
    for (const { name, role } of principals) {
      const expected = qualifies(spec, operation, role) ? 'allowed' : 'denied';
      if (isDestructive && !session.isDestructiveAllowed) {
        cells[name] = { expected, status: null, verdict: 'untested', why: 'destructive: not sent to a target that is not loopback (pass --unsafe)' };
        continue;
      }
      if (session.isBudgetSpent()) {
        cells[name] = { expected, status: null, verdict: 'untested', why: 'the budget was spent before this cell' };
        continue;
      }
      const target = await targetFor(session, spec, operation, role, isItemChange);
      const built = session.requestFor(operation, { role, ...(target.pathParams ? { pathParams: target.pathParams } : {}) });
      if (!built) {
        cells[name] = { expected, status: null, verdict: 'untested', why: 'no valid request could be built' };
        continue;
      }
      const request: ProbeRequest = role === null ? withoutCredentials(spec, built) : built;
      const exchange = await session.probe({ ...request, role: role?.name ?? null, inputKind: expected === 'allowed' && role !== null ? 'valid' : 'probe' });
      if (!exchange) {
        cells[name] = { expected, status: null, verdict: 'untested', why: session.isBudgetSpent() ? 'the budget was spent before this cell' : 'the audit stopped sending to this operation' };
        continue;
      }
      const status = exchange.response?.status ?? null;
      const judged = verdictOf(operation, expected, status);
      // Refused a record someone else owns: that may be object-level authorization doing its job.
      const isOthers = target.isOwn === false && expected === 'allowed' && (judged.verdict === 'over-denied' || status === 404);
      const onOthers = target.isOwn === false && role !== null && judged.verdict === 'allowed' ? { why: 'answered on a resource another role created (permissions.object-level-access judges whether it should)' } : {};
      cells[name] = isOthers
        ? { expected, status, verdict: 'untested', why: `answered ${status} on a resource another role created (none of its own was at hand): that may be ownership, not scopes`, exchange }
        : { expected, status, ...judged, ...onOthers, exchange };
    }
    // A refusal is the role's only when something else let the request through: with nobody let in, or
    // with a body that names an owner or carries a secret (json-server-auth refuses a post whose userId
    // is someone else's; a login refuses a made-up password), the body may be what was refused.
    const anyoneIn = Object.values(cells).some((cell) => cell.status !== null && isOk(operation, cell.status));
    for (const [name, cell] of Object.entries(cells)) {
      if (cell.verdict !== 'over-denied') continue;
      const field = bodyField(cell.exchange?.request.body);
      if (!anyoneIn) cells[name] = { ...cell, verdict: 'untested', why: `answered ${cell.status}, as every principal was: the request itself may be what is refused` };
      else if (field) cells[name] = { ...cell, verdict: 'untested', why: `answered ${cell.status} to a body with '${field}', which the API may check against the caller: that may be the body, not the role` };
    }
    // A route that answers 404 (or 410) to everyone, credentials or none, shows nothing about access control.
    const statuses = new Set(Object.values(cells).map((cell) => cell.status));
    if (statuses.size === 1 && (statuses.has(404) || statuses.has(410))) {
      const [status] = [...statuses];
      for (const [name, cell] of Object.entries(cells)) cells[name] = { ...cell, verdict: 'untested', why: `the route answers ${status} to everyone, with credentials or without: nothing to judge` };
    }
    rows.push({ operation: operation.key, group: groupOf(operation), requires: isSecured(operation) ? describeSecurity(operation) : 'none', cells });
  }
  // The report lists rows in the spec's order, whatever order they were probed in.
  const order = new Map(spec.operations.map((operation, index) => [operation.key, index]));
  rows.sort((a, b) => order.get(a.operation)! - order.get(b.operation)!);
  return { roles: principals.map((p) => p.name), rows };
}

/** The matrix as the report carries it: no exchanges, and each problem cell linked to the check that reports it. */
export function reportMatrix(matrix: LiveMatrix, findingFor: (operation: string, role: string, cell: LiveCell) => string | undefined): PermissionMatrix {
  return {
    roles: matrix.roles,
    rows: matrix.rows.map((row) => ({
      ...row,
      cells: Object.fromEntries(
        Object.entries(row.cells).map(([role, cell]) => {
          const { exchange: _exchange, ...rest } = cell;
          const finding = findingFor(row.operation, role, cell);
          return [role, finding ? { ...rest, finding } : rest];
        }),
      ),
    })),
  };
}
