import { describe, expect, it } from 'vitest';
import { schemaTypeMismatch } from './schema-type-mismatch.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.schema-type-mismatch', () => {
  it('fires on an object schema with items', async () => {
    const drafts = await runLintCheck(schemaTypeMismatch, baseSpec({ components: { schemas: { Tags: { type: 'object', items: { type: 'string' } } } } }));
    expect(drafts).toEqual([expect.objectContaining({ pointer: '/components/schemas/Tags' })]);
    expect(drafts[0]!.detail).toContain("'items'");
  });

  it('stays silent on an array with items and an object with properties', async () => {
    expect(await runLintCheck(schemaTypeMismatch, baseSpec({
      components: { schemas: { Tags: { type: 'array', items: { type: 'string' } }, Tag: { type: 'object', properties: { name: { type: 'string' } } } } },
    }))).toEqual([]);
  });
});
