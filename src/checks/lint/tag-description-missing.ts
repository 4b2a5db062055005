import { asArray, asRecord, child } from '../../spec/values.js';
import { defineCheck } from '../define.js';

export const tagDescriptionMissing = defineCheck({
  id: 'lint.tag-description-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'info',
  summary: 'Declared tag has no description',
  explanation:
    'A tag\'s description is the introduction to its group of operations in documentation sites: what the resource is and how its operations fit together. Without it readers land on a list of endpoints with no context.',
  remedy: 'Add a `description` to the tag: one or two sentences on the resource and its lifecycle.',
  *run({ spec }) {
    for (const [i, tag] of asArray(spec.document['tags']).entries()) {
      const record = asRecord(tag);
      const name = record?.['name'];
      if (typeof name !== 'string' || (typeof record?.['description'] === 'string' && record['description'].trim())) continue;
      yield { operation: null, pointer: child('/tags', i), detail: `Tag '${name}' has no description.` };
    }
  },
});
