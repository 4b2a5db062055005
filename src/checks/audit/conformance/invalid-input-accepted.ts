import { destructiveMethods, type SpecModel } from '../../../spec/model.js';
import type { AuditExchange } from '../../types.js';
import { defineCheck } from '../../define.js';
import { evidenceOf, isSuccess } from '../evidence.js';

const listedMutations = 5;
const textPlainMutation = 'body: valid JSON sent as text/plain';

/**
 * JSON accepted as text/plain matters because a web page may send it cross-site without a preflight,
 * riding on the browser's cookies: only when the operation takes a cookie (or no credential at all), and
 * only when the body said something (an empty `{}` ignored looks the same as one accepted).
 */
function isCrossSiteRisk(spec: SpecModel, exchange: AuditExchange): boolean {
  const body = exchange.request.body?.trim() ?? '';
  if (body === '' || body === '{}' || body === '[]' || body === 'null') return false;
  const operation = spec.operations.find((op) => op.key === exchange.operation);
  if (!operation || operation.security.length === 0 || operation.security.some((alternative) => alternative.schemes.length === 0)) return true;
  return operation.security.some((alternative) =>
    alternative.schemes.every(({ name }) => {
      const scheme = spec.securitySchemes.find((s) => s.name === name);
      return scheme?.type === 'apiKey' && scheme.in === 'cookie';
    }),
  );
}

export const invalidInputAccepted = defineCheck({
  id: 'conformance.invalid-input-accepted',
  cause: 'insufficient-testing',
  kind: 'audit',
  severity: 'medium',
  summary: 'Operation accepted input that breaks its documented schema',
  explanation:
    'When a request that violates the spec (wrong type, out of range, missing required field) gets a 2xx, nothing validates input at the edge. Bad data lands in storage or reaches code that was never tested with it, and clients never learn their requests are wrong.',
  remedy:
    'Validate parameters and bodies against the documented schema before the handler runs (a schema validator middleware), answer violations with 400 or 422 and a problem body naming the field, and add these inputs to the test suite.',
  *run({ spec, audit }) {
    const accepted = new Map<string, AuditExchange[]>();
    for (const exchange of audit.exchanges()) {
      // A 2xx status line whose body then failed (timeout, reset) is a transport failure, judged elsewhere.
      if (exchange.inputKind !== 'invalid' || !exchange.operation || !isSuccess(exchange) || exchange.error) continue;
      if (exchange.mutation === textPlainMutation && !isCrossSiteRisk(spec, exchange)) continue;
      const list = accepted.get(exchange.operation) ?? [];
      // The same mutation can come back from negative testing and from fuzzing: name it once.
      if (!list.some((x) => x.mutation === exchange.mutation)) list.push(exchange);
      accepted.set(exchange.operation, list);
    }
    for (const [key, exchanges] of accepted) {
      const operation = spec.operations.find((op) => op.key === key);
      const isDestructive = destructiveMethods.has(operation?.method.toUpperCase() ?? exchanges[0]!.request.method);
      const shown = exchanges.slice(0, listedMutations).map((x) => `${x.mutation ?? 'mutated input'} (${x.response?.status})`);
      const more = exchanges.length > listedMutations ? `, and ${exchanges.length - listedMutations} more` : '';
      yield {
        operation: key,
        status: exchanges[0]!.response?.status ?? null,
        detail: `${exchanges.length} invalid input${exchanges.length === 1 ? ' was' : 's were'} answered 2xx instead of 400/422: ${shown.join('; ')}${more}.`,
        evidence: exchanges.slice(0, 3).map((x) => evidenceOf(x)),
        ...(isDestructive ? { severity: 'high' as const } : {}),
      };
    }
  },
});
