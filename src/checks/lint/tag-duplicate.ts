import { asArray, asRecord, child } from '../../spec/values.js';
import { defineCheck } from '../define.js';

export const tagDuplicate = defineCheck({
  id: 'lint.tag-duplicate',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'medium',
  summary: 'A tag is declared twice',
  explanation:
    'OpenAPI requires tag names to be unique in the top-level `tags` list. With two declarations, documentation tools keep one description and drop the other, or show the group twice, and readers cannot tell which text is meant.',
  remedy: 'Merge the two declarations into one, keeping the better description.',
  *run({ spec }) {
    const seen = new Set<string>();
    for (const [i, tag] of asArray(spec.document['tags']).entries()) {
      const name = asRecord(tag)?.['name'];
      if (typeof name !== 'string') continue;
      if (seen.has(name)) yield { operation: null, pointer: child('/tags', i), detail: `Tag '${name}' is declared more than once.` };
      seen.add(name);
    }
  },
});
