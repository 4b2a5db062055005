import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { describeSecurity } from '../auth/security.js';
import { evidenceOf } from '../evidence.js';

export const overDenied = defineCheck({
  id: 'permissions.over-denied',
  cause: 'permissions',
  kind: 'audit',
  severity: 'low',
  summary: 'Role refused an operation the spec says it may use',
  explanation:
    'The role sends the credential the operation takes and holds every scope it asks for, yet the API answers 401 or 403. Either the API enforces a rule the spec does not state, or a capability the spec documents does not work for the users it is meant for; both break clients built from the spec.',
  remedy: 'Make the route accept what the spec promises (check the scope names and the role mapping), or document the extra rule: the scopes it really needs, or that it is limited to the owner (and then answer 404 for others).',
  async *run({ spec, audit }) {
    const matrix = await audit.permissionMatrix();
    for (const row of matrix.rows) {
      const op = spec.operations.find((o) => o.key === row.operation);
      const refused: AuditExchange[] = Object.values(row.cells).flatMap((cell) => (cell.verdict === 'over-denied' && cell.exchange ? [cell.exchange] : []));
      if (!op || refused.length === 0) continue;
      const who = refused.map((e) => `${e.role ?? 'anonymous'} got ${e.response?.status}`).join('; ');
      yield {
        operation: op.key,
        status: refused[0]!.response?.status ?? null,
        detail: `${op.key} requires ${row.requires === 'none' ? 'no credentials' : describeSecurity(op)}, which ${refused.length === 1 ? 'this role satisfies' : 'these roles satisfy'}, but ${who}. Expected 2xx.`,
        evidence: refused.slice(0, 3).map((e) => evidenceOf(e, `as ${e.role ?? 'anonymous'}`)),
      };
    }
  },
});
