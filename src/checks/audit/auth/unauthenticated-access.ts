import { defineCheck } from '../../define.js';
import { evidenceOf, isSuccess } from '../evidence.js';
import { recordedAnonymous, sendAnonymous } from './anonymous.js';
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
    for (const op of spec.operations) {
      if (!isSecured(op) || (isDestructive(op) && !audit.isDestructiveAllowed)) continue;
      const exchange = recordedAnonymous(spec, audit, op) ?? (await sendAnonymous(spec, audit, op));
      if (!exchange) {
        if (audit.remainingRequests() <= 0) return;
        continue;
      }
      if (!isSuccess(exchange)) continue;
      const status = exchange.response!.status;
      yield {
        operation: op.key,
        status,
        severity: isDestructive(op) ? 'critical' : 'high',
        detail: `${op.key} answered ${status} to a request without any credentials; the spec requires ${describeSecurity(op)}. Expected 401.`,
        evidence: [evidenceOf(exchange, 'no credentials sent')],
      };
    }
  },
});
