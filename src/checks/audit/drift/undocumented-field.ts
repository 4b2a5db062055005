import type { AuditExchange } from '../../types.js';
import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';

const listedFields = 10;

export const undocumentedField = defineCheck({
  id: 'drift.undocumented-field',
  cause: 'poor-design-docs',
  kind: 'audit',
  severity: 'low',
  summary: 'Response carries fields its documented schema does not have',
  explanation:
    'Fields the spec does not describe are a contract nobody wrote down: clients start to depend on them, and they cannot be changed or removed safely. They are also how internal data (notes, flags, hashes) leaks out unnoticed.',
  remedy:
    'Document the fields in the response schema, or stop sending them (serialise responses through the documented schema rather than the storage object).',
  *run({ spec, audit }) {
    const byOperation = new Map<string, { fields: Set<string>; exchanges: AuditExchange[] }>();
    for (const exchange of audit.exchanges()) {
      const status = exchange.response?.status;
      if (!exchange.operation || status === undefined || status >= 500 || !exchange.response?.body) continue;
      // A 2xx to invalid input is conformance.invalid-input-accepted's, and its body may echo faultline's own
      // values as keys (json-server turns ?_embed=<anything> into a field); error bodies are still judged.
      if (exchange.inputKind === 'invalid' && status < 300) continue;
      const operation = spec.operations.find((op) => op.key === exchange.operation);
      if (!operation) continue;
      const paths = audit
        .conformance(operation, exchange)
        .filter((p) => p.kind === 'undocumented-field' && p.path !== undefined)
        // '/items/3/secret' and '/items/4/secret' are the same undocumented field.
        .map((p) => p.path!.replace(/\/\d+(?=\/|$)/g, '/*'));
      if (paths.length === 0) continue;
      const entry = byOperation.get(operation.key) ?? { fields: new Set<string>(), exchanges: [] };
      const isNew = paths.some((path) => !entry.fields.has(path));
      for (const path of paths) entry.fields.add(path);
      if (isNew && entry.exchanges.length < 3) entry.exchanges.push(exchange);
      byOperation.set(operation.key, entry);
    }
    for (const [key, { fields, exchanges }] of byOperation) {
      const names = [...fields];
      const more = names.length > listedFields ? `, and ${names.length - listedFields} more` : '';
      yield {
        operation: key,
        status: exchanges[0]!.response?.status ?? null,
        detail: `${names.length} undocumented response field${names.length === 1 ? '' : 's'}: ${names.slice(0, listedFields).join(', ')}${more}.`,
        evidence: exchanges.map((x) => evidenceOf(x)),
      };
    }
  },
});
