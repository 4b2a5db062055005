import { anonymousPrincipal } from '../../../core/permission-matrix.js';
import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { hasScopeRequirement, isDestructive, isSecured, requiredScopes } from '../auth/security.js';
import { evidenceOf } from '../evidence.js';

export const scopeNotEnforced = defineCheck({
  id: 'permissions.scope-not-enforced',
  cause: 'permissions',
  kind: 'audit',
  severity: 'high',
  summary: 'Role without the required scope is let through',
  explanation:
    'The spec says the operation needs a scope the role does not hold, yet the API answers 2xx. The API checks that a caller is logged in but not what it may do, so every account can do what only some should (read other data, change or delete it).',
  remedy: 'Check the scopes (or roles) on every route, deny by default, answer 403 with WWW-Authenticate: Bearer error="insufficient_scope", and test each operation with a role that lacks its scope.',
  async *run({ spec, audit }) {
    const matrix = await audit.permissionMatrix();
    for (const row of matrix.rows) {
      const op = spec.operations.find((o) => o.key === row.operation);
      if (!op || !isSecured(op) || !hasScopeRequirement(op)) continue;
      // An operation open to anyone is an unauthenticated endpoint, reported by auth.unauthenticated-access.
      const anonymous = row.cells[anonymousPrincipal];
      if (anonymous?.verdict !== 'denied') continue;
      const lacking = new Set(audit.rolesFor(op).denied.map((role) => role.name));
      const accepted: AuditExchange[] = [];
      for (const [name, cell] of Object.entries(row.cells)) {
        if (lacking.has(name) && cell.verdict === 'violation' && cell.exchange) accepted.push(cell.exchange);
      }
      if (accepted.length === 0) continue;
      const roles = accepted.map((e) => {
        const role = audit.roles.find((r) => r.name === e.role);
        return `${e.role ?? '?'} (scopes: ${role?.scopes.join(' ') || 'none'}) got ${e.response!.status}`;
      });
      yield {
        operation: op.key,
        status: accepted[0]!.response!.status,
        severity: isDestructive(op) ? 'critical' : 'high',
        detail: `${op.key} requires scopes ${requiredScopes(op)}, but ${roles.join('; ')}. Expected 403.`,
        evidence: accepted.map((e) => evidenceOf(e, `as role ${e.role ?? '?'}`)),
      };
    }
  },
});
