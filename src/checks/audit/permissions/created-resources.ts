import type { SpecModel } from '../../../spec/model.js';
import type { AuditExchange, AuditServices, Role } from '../../types.js';
import { isSuccess } from '../evidence.js';

/** A resource a role created, with the exchange that shows it (evidence of who owns it). */
export interface CreatedResource {
  readonly value: string | number;
  readonly role: Role;
  readonly exchange: AuditExchange;
}

/** '/users/{userId}/orders/{orderId}' with 'orderId' → '/users/{userId}/orders'. */
export function collectionOf(path: string, param: string): string {
  const index = path.indexOf(`{${param}}`);
  return index <= 0 ? path : path.slice(0, index).replace(/\/$/, '');
}

function carries(body: unknown, value: string | number): boolean {
  return body !== null && typeof body === 'object' && Object.values(body).some((v) => v === value);
}

/** Resources of the collection that a configured role created in recorded traffic, latest first. */
export function recordedCreations(audit: AuditServices, collection: string): CreatedResource[] {
  return audit
    .learned()
    .filter((learned) => learned.isCreated && learned.collection === collection)
    .reverse()
    .flatMap((learned) => {
      const role = audit.roles.find((r) => r.name === learned.role);
      // Ids created while fuzzing were learnt without a recorded exchange: no evidence, so not used.
      const exchange = audit.exchanges().find((e) => e.operation === learned.operation && e.role === learned.role && isSuccess(e) && carries(e.response?.json, learned.value));
      return role && exchange ? [{ value: learned.value, role, exchange }] : [];
    });
}

/**
 * Create one resource in the collection as the first role allowed to, when the API has a create
 * operation and destructive calls are allowed. Null when it cannot; 'stop' when the budget is spent.
 */
export async function createOne(spec: SpecModel, audit: AuditServices, collection: string): Promise<CreatedResource | null | 'stop'> {
  const create = spec.operations.find((op) => op.method === 'post' && op.path === collection);
  const role = create ? audit.rolesFor(create).allowed[0] : undefined;
  const request = create && role && audit.isDestructiveAllowed ? audit.requestFor(create, { role }) : null;
  if (!request || !role) return null;
  const exchange = await audit.probe({ ...request, inputKind: 'valid' });
  if (!exchange) return 'stop';
  const body = exchange.response?.json as Record<string, unknown> | undefined;
  const value = body?.['id'] ?? body?.['uuid'];
  return isSuccess(exchange) && (typeof value === 'string' || typeof value === 'number') ? { value, role, exchange } : null;
}
