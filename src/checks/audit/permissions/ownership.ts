import type { Operation, SpecModel } from '../../../spec/model.js';
import { schemaPropertyNames } from '../../lint/error-responses.js';

/** Field names that say a record belongs to someone. */
export const ownerFields: readonly string[] = ['owner', 'ownerId', 'owner_id', 'userId', 'user_id', 'createdBy', 'created_by', 'customerId', 'accountId', 'author', 'authorId', 'author_id', 'creator', 'creatorId'];

/** The first owner field in a record or in a record wrapped one or two levels down (`{ "post": { "author": ... } }`). */
function ownerFieldIn(body: unknown, depth = 0): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body) || depth > 2) return undefined;
  const found = ownerFields.find((name) => name in body);
  if (found) return found;
  for (const value of Object.values(body)) {
    const inner = ownerFieldIn(value, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

// Paths that are per-user by construction: /users/{id}/..., /accounts/{id}/..., /me.
const ownedPath = /(^|\/)(users|accounts)\/\{[^}]+\}|(^|\/)me(\/|$)/;

/**
 * Why the resource behind the operation belongs to one user, or undefined when the spec does not
 * say. Without this, one role reading another's record may be intended (a shared catalogue).
 */
export function ownershipHint(spec: SpecModel, operation: Operation, createdBody: unknown): string | undefined {
  if (ownedPath.test(operation.path)) return `its path ${operation.path} is per user`;
  for (const response of operation.responses.filter((r) => /^2/.test(r.status))) {
    for (const media of response.content.filter((m) => /json/i.test(m.mediaType))) {
      const names = schemaPropertyNames(spec, media.schema);
      const field = ownerFields.find((name) => names.has(name));
      if (field) return `its ${response.status} response schema has the owner field '${field}'`;
    }
  }
  const field = ownerFieldIn(createdBody);
  if (field) return `the created record has the owner field '${field}'`;
  return undefined;
}
