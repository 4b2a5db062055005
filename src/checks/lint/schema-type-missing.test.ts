import { describe, expect, it } from 'vitest';
import { schemaTypeMissing } from './schema-type-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.schema-type-missing', () => {
  it('fires once per component schema with properties and no type, not per property', async () => {
    const drafts = await runLintCheck(schemaTypeMissing, baseSpec({
      components: { schemas: { User: { properties: { id: { type: 'string' }, name: { properties: { first: {} } } } }, Team: { type: 'object', properties: { id: {} } } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/components/schemas/User' });
  });

  it('stays silent when component schemas declare their type', async () => {
    expect(await runLintCheck(schemaTypeMissing, baseSpec({ components: { schemas: { User: { type: 'object', properties: { id: { type: 'string' } } } } } }))).toEqual([]);
  });
});
