import type { Operation, Parameter } from '../spec/model.js';
import type { OperationMatching, OperationPair, ParameterMatching } from './types.js';

/** `/users/{userId}` → `/users/{}`: a parameter's name is not part of the URL a client calls. */
export function normalisePathTemplate(path: string): string {
  return path.replace(/\{[^}/]*\}/g, '{}');
}

function normalisedKey(op: Operation): string {
  return `${op.method} ${normalisePathTemplate(op.path)}`;
}

/**
 * Pair each OLD operation with the NEW one it became: first the same method and path, then the same
 * method and path template with parameter names set aside (`/users/{id}` ≈ `/users/{userId}`), then the
 * same operationId, which finds an operation that moved to another path or method. A deprecated operation
 * whose id turns up elsewhere was replaced, not moved (GitHub gave `projects/list-for-org` to projectsV2
 * after removing the classic projects), so it is matched by path only.
 */
export function pairOperations(oldOps: readonly Operation[], newOps: readonly Operation[]): OperationMatching {
  const unmatchedNew = new Set(newOps);
  const pairs: OperationPair[] = [];
  const pending: Operation[] = [];
  const byKey = new Map(newOps.map((op) => [op.key, op]));
  for (const old of oldOps) {
    const found = byKey.get(old.key);
    if (found && unmatchedNew.has(found)) {
      pairs.push({ old, new: found, matchedBy: 'path' });
      unmatchedNew.delete(found);
    } else {
      pending.push(old);
    }
  }
  const byTemplate = new Map<string, Operation>();
  for (const op of unmatchedNew) if (!byTemplate.has(normalisedKey(op))) byTemplate.set(normalisedKey(op), op);
  const stillPending: Operation[] = [];
  for (const old of pending) {
    const found = byTemplate.get(normalisedKey(old));
    if (found && unmatchedNew.has(found)) {
      pairs.push({ old, new: found, matchedBy: 'path' });
      unmatchedNew.delete(found);
    } else {
      stillPending.push(old);
    }
  }
  const byId = new Map<string, Operation>();
  for (const op of unmatchedNew) if (op.operationId !== undefined && !byId.has(op.operationId)) byId.set(op.operationId, op);
  const removed: Operation[] = [];
  for (const old of stillPending) {
    const found = old.operationId !== undefined && !old.deprecated ? byId.get(old.operationId) : undefined;
    if (found && unmatchedNew.has(found)) {
      pairs.push({ old, new: found, matchedBy: 'operationId' });
      unmatchedNew.delete(found);
    } else {
      removed.push(old);
    }
  }
  return { pairs, removed, added: newOps.filter((op) => unmatchedNew.has(op)) };
}

function parameterKey(p: Parameter): string {
  return `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
}

/** Names of the path template's variables, in order. */
export function templateVariables(path: string): string[] {
  return [...path.matchAll(/\{([^}/]*)\}/g)].map((m) => m[1]!);
}

/**
 * Pair the parameters of two operations by location and name (header names ignore case). Path
 * parameters that do not pair by name pair by their position in the template: `{id}` renamed `{userId}`
 * is the same URL segment.
 */
export function pairParameters(pair: OperationPair): ParameterMatching {
  const newByKey = new Map(pair.new.parameters.map((p) => [parameterKey(p), p]));
  const unmatchedNew = new Set(pair.new.parameters);
  const pairs: { old: Parameter; new: Parameter }[] = [];
  const pending: Parameter[] = [];
  for (const old of pair.old.parameters) {
    const found = newByKey.get(parameterKey(old));
    if (found) {
      pairs.push({ old, new: found });
      unmatchedNew.delete(found);
    } else {
      pending.push(old);
    }
  }
  const oldVars = templateVariables(pair.old.path);
  const newVars = templateVariables(pair.new.path);
  const removed: Parameter[] = [];
  for (const old of pending) {
    const position = old.in === 'path' ? oldVars.indexOf(old.name) : -1;
    const newName = position >= 0 && oldVars.length === newVars.length ? newVars[position] : undefined;
    const found = newName !== undefined ? [...unmatchedNew].find((p) => p.in === 'path' && p.name === newName) : undefined;
    if (found) {
      pairs.push({ old, new: found });
      unmatchedNew.delete(found);
    } else {
      removed.push(old);
    }
  }
  // A parameter that left one location for another under the same name moved; it was not removed and added.
  const moved: { old: Parameter; new: Parameter }[] = [];
  const stillRemoved: Parameter[] = [];
  for (const old of removed) {
    const found = [...unmatchedNew].find((p) => p.name.toLowerCase() === old.name.toLowerCase());
    if (found) {
      moved.push({ old, new: found });
      unmatchedNew.delete(found);
    } else {
      stillRemoved.push(old);
    }
  }
  return { pairs, moved, removed: stillRemoved, added: pair.new.parameters.filter((p) => unmatchedNew.has(p)) };
}
