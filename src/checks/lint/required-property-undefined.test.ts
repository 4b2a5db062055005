import { describe, expect, it } from 'vitest';
import { requiredPropertyUndefined } from './required-property-undefined.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.required-property-undefined', () => {
  it('fires on a required name with no property of that name', async () => {
    const drafts = await runLintCheck(requiredPropertyUndefined, baseSpec({
      components: { schemas: { User: { type: 'object', required: ['name', 'emial'], properties: { name: { type: 'string' }, email: { type: 'string' } } } } },
    }));
    expect(drafts).toEqual([expect.objectContaining({ pointer: '/components/schemas/User/required' })]);
    expect(drafts[0]!.detail).toContain("'emial'");
  });

  it('stays silent when required names exist, and inside allOf members', async () => {
    expect(await runLintCheck(requiredPropertyUndefined, baseSpec({
      components: { schemas: {
        User: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
        Admin: { allOf: [{ $ref: '#/components/schemas/User' }, { type: 'object', required: ['name', 'level'], properties: { level: { type: 'integer' } } }] },
      } },
    }))).toEqual([]);
  });
});
