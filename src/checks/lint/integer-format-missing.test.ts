import { describe, expect, it } from 'vitest';
import { integerFormatMissing } from './integer-format-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const list = (schema: unknown) => baseSpec({
  paths: { '/items/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema }], responses: { '200': { description: 'ok' } } } } },
});

describe('lint.integer-format-missing', () => {
  it('fires on an integer id without a format', async () => {
    expect(await runLintCheck(integerFormatMissing, list({ type: 'integer' }))).toEqual([expect.objectContaining({ pointer: '/paths/~1items~1{id}/get/parameters/0/schema' })]);
  });

  it('stays silent with int64, or with both bounds', async () => {
    expect(await runLintCheck(integerFormatMissing, list({ type: 'integer', format: 'int64' }))).toEqual([]);
    expect(await runLintCheck(integerFormatMissing, list({ type: 'integer', minimum: 1, maximum: 100 }))).toEqual([]);
  });
});
