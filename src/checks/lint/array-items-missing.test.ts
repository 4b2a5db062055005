import { describe, expect, it } from 'vitest';
import { arrayItemsMissing } from './array-items-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.array-items-missing', () => {
  it('fires on a property typed array without items', async () => {
    const drafts = await runLintCheck(arrayItemsMissing, baseSpec({ components: { schemas: { Post: { type: 'object', properties: { tags: { type: 'array' } } } } } }));
    expect(drafts).toEqual([expect.objectContaining({ pointer: '/components/schemas/Post/properties/tags' })]);
  });

  it('stays silent when the array says what its items are', async () => {
    expect(await runLintCheck(arrayItemsMissing, baseSpec({ components: { schemas: { Post: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } } } } }))).toEqual([]);
  });
});
