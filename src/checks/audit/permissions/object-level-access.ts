import { defineCheck } from '../../define.js';
import type { SpecModel } from '../../../spec/model.js';
import type { AuditExchange, AuditServices, FindingDraft, Role } from '../../types.js';
import { isSecured } from '../auth/security.js';
import { roleToken } from '../auth/role-token.js';
import { evidenceOf, isSuccess } from '../evidence.js';
import { carries, collectionOf, createOne, recordedCreations } from './created-resources.js';
import type { CreatedResource } from './created-resources.js';
import { ownershipHint } from './ownership.js';

// Reads first, so changes and deletions come after every read of the same resource.
const methods = ['get', 'put', 'patch', 'delete'];

/** Roles that are a different user than `owner` and not more privileged (an admin may see everything). */
function otherUsers(owner: Role, allowed: readonly Role[]): Role[] {
  const ownerSubject = roleToken(owner)?.claims.sub;
  return allowed.filter((role) => {
    const isSuperset = owner.scopes.every((s) => role.scopes.includes(s)) && role.scopes.length > owner.scopes.length;
    const isSameUser = JSON.stringify(role.headers) === JSON.stringify(owner.headers) || (ownerSubject !== undefined && roleToken(role)?.claims.sub === ownerSubject);
    return role.name !== owner.name && !isSuperset && !isSameUser;
  });
}

export const objectLevelAccess = defineCheck({
  id: 'permissions.object-level-access',
  cause: 'permissions',
  kind: 'audit',
  severity: 'high',
  summary: "Role can reach another user's resource by its id (BOLA)",
  explanation:
    "The API checks that the caller may use the operation, but not that the record belongs to the caller. Anyone can read, change or delete other users' records by trying ids (OWASP API1:2023, broken object level authorization).",
  remedy: "Load records through the caller's identity (WHERE owner = :caller) or check ownership after loading, answer 404 for records of others, and test each item operation with a second user.",
  async *run({ spec, audit }) {
    const created = new Map<string, CreatedResource[]>();
    // Reads of one record that another user was refused: the listing of the same collection must not show it either.
    const refusedReads: { collection: string; resource: CreatedResource; role: Role; exchange: AuditExchange }[] = [];
    const operations = spec.operations
      .filter((op) => methods.includes(op.method) && isSecured(op) && (op.method === 'get' || audit.isDestructiveAllowed))
      // Deeper paths first among deletions: a comment is deleted before the post it sits under.
      .sort((a, b) => methods.indexOf(a.method) - methods.indexOf(b.method) || (a.method === 'delete' ? b.path.length - a.path.length : 0));
    for (const op of operations) {
      const param = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).pop();
      if (!param) continue;
      const collection = collectionOf(op.path, param);
      if (!created.has(collection)) {
        const recorded = recordedCreations(audit, collection);
        const own = recorded.length > 0 ? null : await createOne(spec, audit, collection);
        if (own === 'stop') return;
        created.set(collection, own ? [own] : recorded);
      }
      const allowed = audit.rolesFor(op).allowed;
      const resource = created.get(collection)!.find((c) => otherUsers(c.role, allowed).length > 0);
      const hint = resource && ownershipHint(spec, op, resource.exchange.response?.json);
      if (!resource || !hint) continue;
      for (const role of otherUsers(resource.role, allowed)) {
        const request = audit.requestFor(op, { role, pathParams: { ...resource.parents, [param]: resource.value } });
        const exchange = request ? await audit.probe({ ...request, inputKind: 'probe' }) : undefined;
        if (exchange === null) return;
        if (exchange && !isSuccess(exchange) && op.method === 'get' && op.path.endsWith(`{${param}}`)) refusedReads.push({ collection, resource, role, exchange });
        if (!exchange || !isSuccess(exchange)) continue;
        yield {
          operation: op.key,
          status: exchange.response!.status,
          detail: `Role ${role.name} got ${exchange.response!.status} from ${op.key} on ${param} ${resource.value}, which role ${resource.role.name} created; ${hint}. Expected 404 or 403.`,
          evidence: [evidenceOf(resource.exchange, `created by role ${resource.role.name}`), evidenceOf(exchange, `as role ${role.name}`)],
        };
        break;
      }
    }
    yield* await listingLeaks(spec, audit, refusedReads);
  },
});

/**
 * A collection whose item read refuses other users (so records are private) but whose listing, read
 * by one of those users, carries the record anyway: the ownership check was put on the item route only.
 */
async function listingLeaks(spec: SpecModel, audit: AuditServices, refused: readonly { collection: string; resource: CreatedResource; role: Role; exchange: AuditExchange }[]): Promise<FindingDraft[]> {
  const drafts: FindingDraft[] = [];
  const reported = new Set<string>();
  for (const { collection, resource, role, exchange: refusal } of refused) {
    const listing = spec.operations.find((op) => op.method === 'get' && op.path === collection);
    if (!listing || reported.has(listing.key) || !audit.rolesFor(listing).allowed.some((r) => r.name === role.name)) continue;
    const request = audit.requestFor(listing, { role });
    const exchange = request ? await audit.probe({ ...request, inputKind: 'probe' }) : null;
    if (!exchange || !isSuccess(exchange) || !carries(exchange.response?.json, resource.value)) continue;
    reported.add(listing.key);
    drafts.push({
      operation: listing.key,
      status: exchange.response!.status,
      detail: `Role ${role.name}'s ${listing.key} lists the record ${resource.value} that role ${resource.role.name} created, although reading that record directly answered ${refusal.response?.status} to ${role.name}. Expected the listing to hold only ${role.name}'s own records.`,
      evidence: [evidenceOf(resource.exchange, `created by role ${resource.role.name}`), evidenceOf(refusal, `read refused to role ${role.name}`), evidenceOf(exchange, `listed to role ${role.name}`)],
    });
  }
  return drafts;
}
