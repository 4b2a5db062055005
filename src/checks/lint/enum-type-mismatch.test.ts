import { describe, expect, it } from 'vitest';
import { enumTypeMismatch } from './enum-type-mismatch.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.enum-type-mismatch', () => {
  it('fires on a string value in an integer enum and on null in a schema that is not nullable', async () => {
    const drafts = await runLintCheck(enumTypeMismatch, baseSpec({
      components: { schemas: { Level: { type: 'integer', enum: [1, '2', 3] }, Kind: { type: 'string', enum: ['a', null] } } },
    }));
    expect(drafts.map((d) => d.pointer)).toEqual(['/components/schemas/Level/enum', '/components/schemas/Kind/enum']);
    expect(drafts[0]!.detail).toContain('"2" (string)');
  });

  it('stays silent when values fit, integers in a number enum and null in a nullable one', async () => {
    expect(await runLintCheck(enumTypeMismatch, baseSpec({
      components: { schemas: { Ratio: { type: 'number', enum: [1, 1.5] }, Kind: { type: 'string', nullable: true, enum: ['a', null] } } },
    }))).toEqual([]);
  });
});
