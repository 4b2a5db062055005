import type { Check, CheckKind } from './types.js';

/**
 * Declare a check. An identity function that keeps the literal types of the definition.
 *
 * @example
 * export const operationSummary = defineCheck({
 *   id: 'lint.operation-summary', cause: 'poor-design-docs', kind: 'lint', severity: 'low',
 *   summary: 'Operation has no summary', explanation: '...', remedy: '...',
 *   *run({ spec }) { for (const op of spec.operations) if (!op.summary) yield { operation: op.key, pointer: op.pointer, detail: '...' }; },
 * });
 */
export function defineCheck<Kind extends CheckKind>(check: Check<Kind>): Check<Kind> {
  return check;
}
