import { anonymousPrincipal } from '../../../core/permission-matrix.js';
import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';
import { describeSecurity, isDestructive, isSecured } from './security.js';

export const unauthenticatedAccess = defineCheck({
  id: 'auth.unauthenticated-access',
  cause: 'unsecured-endpoints',
  kind: 'audit',
  severity: 'high',
  summary: 'Secured operation answers without credentials',
  explanation:
    'The spec says the operation needs credentials, but the API serves it to anyone. Whatever the operation reads or changes is open to the whole network, and clients built from the spec give a false sense of safety.',
  remedy: 'Put the authentication middleware in front of this route (deny by default), answer 401 with WWW-Authenticate when credentials are missing, and add a test that calls it anonymously.',
  async *run({ spec, audit }) {
    // The permission matrix's anonymous column: each secured operation tried once with every credential removed.
    const matrix = await audit.permissionMatrix();
    for (const row of matrix.rows) {
      const op = spec.operations.find((o) => o.key === row.operation);
      const cell = row.cells[anonymousPrincipal];
      if (!op || !isSecured(op) || cell?.verdict !== 'violation' || !cell.exchange) continue;
      yield {
        operation: op.key,
        status: cell.status,
        severity: isDestructive(op) ? 'critical' : 'high',
        detail: `${op.key} answered ${cell.status} to a request without any credentials; the spec requires ${describeSecurity(op)}. Expected 401.`,
        evidence: [evidenceOf(cell.exchange, 'no credentials sent')],
      };
    }
  },
});
