import type { Role } from '../checks/types.js';
import type { LoadRequestConfig } from '../config/load-schema.js';
import { closest } from '../core/did-you-mean.js';
import { FaultlineError } from '../core/errors.js';
import { requestFor } from '../engine/audit/request-builder.js';
import { ValuePool } from '../engine/audit/value-pool.js';
import type { RequestTemplate } from '../load/types.js';
import type { Operation, SpecModel } from '../spec/model.js';

function usage(field: string, message: string): FaultlineError {
  return new FaultlineError('E_USAGE', message, { location: { field } });
}

/** 'get /products' → the spec's 'GET /products', or a usage error with the closest operation. */
export function findOperation(spec: SpecModel, wanted: string, field: string): Operation {
  const normalised = wanted.trim().replace(/\s+/, ' ').replace(/^\w+/, (method) => method.toUpperCase());
  const operation = spec.operations.find((op) => op.key === normalised);
  if (operation) return operation;
  const suggestion = closest(normalised, spec.operations.map((op) => op.key));
  throw usage(field, `unknown operation '${wanted}'${suggestion ? ` (did you mean '${suggestion}'?)` : spec.operations.length > 0 ? ` (the spec has ${spec.operations.slice(0, 5).map((op) => op.key).join(', ')}${spec.operations.length > 5 ? ', ...' : ''})` : ''}`);
}

/** A template for a spec operation: its request built from the spec's examples (or its schemas). */
export function templateForOperation(spec: SpecModel, operation: Operation, roles: readonly Role[], pool: ValuePool, overrides: { role?: Role | null; weight?: number; headers?: Readonly<Record<string, string>> } = {}): RequestTemplate {
  const probe = requestFor(spec, operation, pool, roles, overrides.role !== undefined ? { role: overrides.role } : {});
  if (!probe) throw usage('--operations', `cannot build a request for '${operation.key}' from the spec`);
  return {
    name: operation.key,
    method: probe.method,
    path: probe.path,
    headers: { ...(probe.headers ?? {}), ...(overrides.headers ?? {}) },
    ...(probe.body !== undefined ? { body: probe.body } : {}),
    weight: overrides.weight ?? 1,
  };
}

/** `--operations 'GET /products,POST /orders'` against the spec. */
export function templatesForOperations(spec: SpecModel, list: string, roles: readonly Role[]): RequestTemplate[] {
  const names = list.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw usage('--operations', 'no operation given');
  const pool = new ValuePool();
  return names.map((name) => templateForOperation(spec, findOperation(spec, name, '--operations'), roles, pool));
}

/** Templates from a scenario's `requests` in the config. */
export function templatesFromConfig(requests: readonly LoadRequestConfig[], spec: SpecModel | undefined, roles: readonly Role[], field: string): RequestTemplate[] {
  const pool = new ValuePool();
  return requests.map((request, index) => {
    const where = `${field}.requests[${index}]`;
    const role = request.credential === undefined ? undefined : roles.find((r) => r.name === request.credential);
    if (request.credential !== undefined && !role) {
      throw new FaultlineError('E_CONFIG_INVALID', `unknown credential '${request.credential}' (known: ${roles.map((r) => r.name).join(', ') || 'none'})`, { location: { field: `${where}.credential` } });
    }
    if (request.operation && !request.path) {
      if (!spec) throw new FaultlineError('E_CONFIG_INVALID', `'operation' needs the spec (set spec in the config or pass --spec)`, { location: { field: `${where}.operation` } });
      const template = templateForOperation(spec, findOperation(spec, request.operation, `${where}.operation`), roles, pool, { ...(role ? { role } : {}), weight: request.weight, headers: request.headers });
      return request.body === undefined ? { ...template, ...(request.name ? { name: request.name } : {}) } : { ...template, ...(request.name ? { name: request.name } : {}), body: encodeBody(request.body) };
    }
    const method = (request.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { ...(role?.headers ?? {}), ...request.headers };
    if (request.body !== undefined && typeof request.body !== 'string' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    return {
      name: request.name ?? request.operation ?? `${method} ${request.path}`,
      method,
      path: request.path!,
      headers,
      ...(request.body !== undefined ? { body: encodeBody(request.body) } : {}),
      weight: request.weight,
    };
  });
}

function encodeBody(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body);
}
