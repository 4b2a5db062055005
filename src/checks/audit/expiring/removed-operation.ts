import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';

export const removedOperation = defineCheck({
  id: 'expiring.removed-operation',
  cause: 'expiring-apis',
  kind: 'audit',
  severity: 'high',
  summary: 'Documented operation answers 410 Gone',
  explanation:
    'The API says the operation was removed for good, but the spec still offers it: generated clients and new integrations keep calling something that can never work, and nobody was told in time.',
  remedy: 'Remove the operation from the spec (or mark it deprecated with a Sunset date before removing it next time), and point callers to its successor in the 410 body and a Link header.',
  *run({ spec, audit }) {
    const seen = new Set<string>();
    const withPathParameters = new Map(spec.operations.map((op) => [op.key, op.path.includes('{')]));
    for (const exchange of audit.exchanges()) {
      const operation = exchange.operation;
      if (!operation || exchange.inputKind !== 'valid' || exchange.response?.status !== 410 || seen.has(operation)) continue;
      // An item deleted during the audit may rightly be Gone; the examples phase reads before it deletes.
      if (withPathParameters.get(operation) !== false && exchange.phase !== 'examples') continue;
      seen.add(operation);
      yield {
        operation,
        status: 410,
        detail: `${exchange.request.method} ${new URL(exchange.request.url).pathname} answered 410 Gone to a valid request built from the spec, which still documents ${operation}.`,
        evidence: [evidenceOf(exchange)],
      };
    }
  },
});
