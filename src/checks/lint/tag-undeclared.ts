import { defineCheck } from '../define.js';

export const tagUndeclared = defineCheck({
  id: 'lint.tag-undeclared',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'low',
  summary: 'Operation uses a tag that is not declared at the top level',
  explanation:
    'Top-level tags give each group of operations its description and order in documentation. An operation tagged with an undeclared name (often a typo or a stale rename) lands in an undocumented group of its own, so readers do not find it next to its siblings.',
  remedy: 'Declare the tag in the top-level `tags` list with a description, or fix the operation to use an existing tag.',
  *run({ spec }) {
    // A spec with no top-level tags uses them as free labels; only a declared list makes a typo detectable.
    if (spec.tags.length === 0) return;
    const declared = new Set(spec.tags.map((t) => t.name));
    const reported = new Set<string>();
    for (const op of spec.operations) {
      for (const [index, tag] of op.tags.entries()) {
        if (declared.has(tag) || reported.has(tag)) continue;
        reported.add(tag);
        const users = spec.operations.filter((o) => o.tags.includes(tag)).length;
        yield { operation: op.key, pointer: `${op.pointer}/tags/${index}`, detail: `Tag '${tag}' is used by ${users} operation(s) but not declared in the top-level tags.` };
      }
    }
  },
});
