import { defineCheck } from '../define.js';

export const operationTagsMissing = defineCheck({
  id: 'lint.operation-tags-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'Operation has no tag',
  explanation:
    'Tags group operations in documentation and decide which class or module a generated SDK puts a method in. An untagged operation lands in a catch-all "default" group, away from the resource it belongs to, where readers do not look for it.',
  remedy: 'Give the operation the tag of its resource (`tags: [users]`), declared in the top-level `tags` with a description.',
  *run({ spec }) {
    for (const op of spec.operations) {
      if (op.tags.length > 0) continue;
      yield { operation: op.key, pointer: op.pointer, detail: `${op.key} has no tags.` };
    }
  },
});
