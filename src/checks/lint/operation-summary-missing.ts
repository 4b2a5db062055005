import { defineCheck } from '../define.js';

export const operationSummaryMissing = defineCheck({
  id: 'lint.operation-summary-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'Operation has no summary',
  explanation:
    'The summary is the one line documentation sites, API consoles and generated SDK doc comments show for an operation in lists and menus. Without it readers see a bare method and path, and have to open every operation to find the one they need.',
  remedy: 'Add a short `summary` in the imperative ("List the repositories of a user").',
  *run({ spec }) {
    for (const op of spec.operations) {
      if (op.summary?.trim()) continue;
      yield { operation: op.key, pointer: op.pointer, detail: `${op.key} has no summary.` };
    }
  },
});
