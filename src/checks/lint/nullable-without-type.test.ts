import { describe, expect, it } from 'vitest';
import { nullableWithoutType } from './nullable-without-type.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.nullable-without-type', () => {
  it('fires on nullable beside an allOf without a type', async () => {
    const drafts = await runLintCheck(nullableWithoutType, baseSpec({
      components: { schemas: { Pet: { type: 'object' }, Owner: { type: 'object', properties: { pet: { nullable: true, allOf: [{ $ref: '#/components/schemas/Pet' }] } } } } },
    }));
    expect(drafts).toEqual([expect.objectContaining({ pointer: '/components/schemas/Owner/properties/pet/nullable' })]);
  });

  it('stays silent when nullable has a type beside it', async () => {
    expect(await runLintCheck(nullableWithoutType, baseSpec({ components: { schemas: { Name: { type: 'string', nullable: true } } } }))).toEqual([]);
  });
});
