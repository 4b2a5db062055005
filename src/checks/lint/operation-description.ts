import { defineCheck } from '../define.js';

export const operationDescription = defineCheck({
  id: 'lint.operation-description',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'Operation has neither summary nor description',
  explanation:
    'Without a summary or description, readers and generated SDKs have nothing to go on, so the operation gets misused and support questions replace documentation.',
  remedy: 'Add a one-line `summary` and a `description` that states what the operation does, its side effects and its errors.',
  *run({ spec }) {
    for (const op of spec.operations) {
      if (!op.summary?.trim() && !op.description?.trim()) {
        yield { operation: op.key, pointer: op.pointer, detail: `${op.key} has no summary and no description.` };
      }
    }
  },
});
