import { defineCheck } from '../define.js';

export const operationIdMissing = defineCheck({
  id: 'lint.operation-id-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'Operation has no operationId',
  explanation:
    'SDK generators, documentation links and tests name an operation by its operationId. Without one, generators invent names from the path and method, and those names change whenever a path is renamed, which breaks every client built from the previous SDK.',
  remedy: 'Give every operation a stable, unique `operationId` in camelCase (e.g. `listUsers`, `getUser`) and never change it once published.',
  *run({ spec }) {
    for (const op of spec.operations) {
      if (!op.operationId?.trim()) yield { operation: op.key, pointer: op.pointer, detail: `${op.key} has no operationId.` };
    }
  },
});
