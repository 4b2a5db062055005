import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { refusesAnonymous, requestAs } from '../auth/anonymous.js';
import { hasScopeRequirement, isDestructive, isSecured, requiredScopes } from '../auth/security.js';
import { evidenceOf, isSuccess } from '../evidence.js';

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
    for (const op of spec.operations) {
      if (!isSecured(op) || !hasScopeRequirement(op) || (isDestructive(op) && !audit.isDestructiveAllowed)) continue;
      const accepted: AuditExchange[] = [];
      for (const role of audit.rolesFor(op).denied) {
        // Destructive calls go to a resource an allowed role created for the purpose.
        const request = await requestAs(audit, op, { role });
        if (!request) continue;
        const exchange = await audit.probe({ ...request, inputKind: 'probe' });
        // null: the budget is spent (stop) or the audit gave up on this operation (next one).
        if (!exchange) {
          if (audit.remainingRequests() === 0) return;
          break;
        }
        if (isSuccess(exchange)) accepted.push(exchange);
      }
      // An operation open to anyone is an unauthenticated endpoint, reported by auth.unauthenticated-access.
      if (accepted.length === 0 || (await refusesAnonymous(spec, audit, op)) !== true) continue;
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
