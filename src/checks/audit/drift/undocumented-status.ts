import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';

export const undocumentedStatus = defineCheck({
  id: 'drift.undocumented-status',
  cause: 'poor-design-docs',
  kind: 'audit',
  severity: 'medium',
  summary: 'Operation answered a status code its description does not document',
  explanation:
    'Clients handle the statuses the spec lists. A status it does not list (a 202 where 200 is promised, a 404 or 418 nobody wrote down) falls through their error handling, and generated SDKs throw on it. The description has drifted from what the API does.',
  remedy:
    'Document the status with its meaning and body (or a 4XX/default problem response), or change the handler to answer one of the documented statuses.',
  *run({ spec, audit }) {
    const reported = new Set<string>();
    for (const exchange of audit.exchanges()) {
      const status = exchange.response?.status;
      // Probes of other checks (no credentials, forged tokens) get 401/403 by design, and 5xx is
      // conformance.server-error's to report: only the engine's own valid and invalid traffic counts.
      if (!exchange.operation || status === undefined || status >= 500 || exchange.inputKind === 'probe') continue;
      const key = `${exchange.operation} ${status}`;
      if (reported.has(key)) continue;
      const operation = spec.operations.find((op) => op.key === exchange.operation);
      if (!operation) continue;
      if (!audit.conformance(operation, exchange).some((p) => p.kind === 'status')) continue;
      reported.add(key);
      const input = exchange.inputKind === 'invalid' ? `invalid input (${exchange.mutation ?? 'mutated'})` : 'a valid request';
      const documented = operation.responses.map((r) => r.status).join(', ') || 'nothing';
      yield {
        operation: operation.key,
        title: `Undocumented status ${status}`,
        status,
        detail: `${exchange.request.method} ${new URL(exchange.request.url).pathname} answered ${input} with ${status}, but the operation documents only ${documented} (no matching range or default).`,
        evidence: [evidenceOf(exchange)],
      };
    }
  },
});
