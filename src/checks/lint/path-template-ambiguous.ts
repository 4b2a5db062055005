import type { PathItem } from '../../spec/model.js';
import { defineCheck } from '../define.js';
import { templateShape } from './path-segments.js';

export const pathTemplateAmbiguous = defineCheck({
  id: 'lint.path-template-ambiguous',
  cause: 'bad-urls',
  kind: 'lint',
  severity: 'medium',
  summary: 'Two path templates differ only in parameter names',
  explanation:
    '`/users/{id}` and `/users/{name}` match exactly the same URLs, so a router can only ever dispatch a request to one of them. The other operation is unreachable, and clients calling it get the wrong handler\'s response. OpenAPI forbids such templates for this reason.',
  remedy: 'Merge the two paths into one template, or make them distinguishable with a static segment (`/users/by-name/{name}`).',
  *run({ spec }) {
    const firstByShape = new Map<string, PathItem>();
    for (const item of spec.paths) {
      const shape = templateShape(item.path);
      const first = firstByShape.get(shape);
      if (!first) {
        firstByShape.set(shape, item);
        continue;
      }
      const otherMethods = new Set(first.operations.map((op) => op.method));
      const clashes = item.operations.filter((op) => otherMethods.has(op.method));
      for (const op of clashes) {
        yield {
          operation: op.key,
          pointer: op.pointer,
          detail: `${op.key} matches the same URLs as ${op.method.toUpperCase()} ${first.path}; only one of them can be routed.`,
        };
      }
      if (clashes.length === 0) {
        // Different methods still route, but the spec is invalid and tools disagree on which template wins.
        yield { operation: null, pointer: item.pointer, detail: `${item.path} and ${first.path} differ only in parameter names.`, severity: 'low' };
      }
    }
  },
});
