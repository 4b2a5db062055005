import type { SpecModel } from '../../../spec/model.js';
import { collectionOf } from '../../../spec/path-template.js';
import type { AuditExchange, AuditServices, Role } from '../../types.js';
import { isSuccess } from '../evidence.js';

export { collectionOf };

/** A resource a role created, with the exchange that shows it (evidence of who owns it). */
export interface CreatedResource {
  /** The value that fills the item path (the field named like its parameter: a slug, an id). */
  readonly value: string | number;
  /** The values of the collection's own path parameters it was created under ({ slug } for a comment). */
  readonly parents: Readonly<Record<string, string>>;
  readonly role: Role;
  readonly exchange: AuditExchange;
}

/** True when the value appears anywhere in the body: `{ "post": { "slug": ... } }` carries the slug. */
export function carries(body: unknown, value: string | number, depth = 0): boolean {
  if (body === value) return true;
  if (body === null || typeof body !== 'object' || depth > 6) return false;
  return Object.values(body).some((v) => carries(v, value, depth + 1));
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
      return role && exchange ? [{ value: learned.value, parents: learned.parents ?? {}, role, exchange }] : [];
    });
}

/**
 * Create one resource in the collection as the first role allowed to, when the API has a create
 * operation and destructive calls are allowed. Its identifier is what the audit learnt from the
 * response (the field named like the item path's parameter, wherever it sits). Null when it cannot;
 * 'stop' when the budget is spent.
 */
export async function createOne(spec: SpecModel, audit: AuditServices, collection: string): Promise<CreatedResource | null | 'stop'> {
  const create = spec.operations.find((op) => op.method === 'post' && op.path === collection);
  const role = create ? audit.rolesFor(create).allowed[0] : undefined;
  const request = create && role && audit.isDestructiveAllowed ? audit.requestFor(create, { role }) : null;
  if (!request || !role || !create) return null;
  const exchange = await audit.probe({ ...request, inputKind: 'valid' });
  if (!exchange) return 'stop';
  if (!isSuccess(exchange)) return null;
  const learned = audit
    .learned()
    .filter((l) => l.isCreated && l.collection === collection && l.operation === create.key && (carries(exchange.response?.json, l.value) || l.fields?.['location'] === l.value))
    .pop();
  return learned ? { value: learned.value, parents: learned.parents ?? {}, role, exchange } : null;
}
