import { describe, expect, it } from 'vitest';
import { operationTagsMissing } from './operation-tags-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };

describe('lint.operation-tags-missing', () => {
  it('fires on an operation without tags', async () => {
    expect(await runLintCheck(operationTagsMissing, baseSpec({ paths: { '/users': { get: ok } } }))).toEqual([expect.objectContaining({ operation: 'GET /users' })]);
  });

  it('stays silent on a tagged operation', async () => {
    expect(await runLintCheck(operationTagsMissing, baseSpec({ paths: { '/users': { get: { tags: ['users'], ...ok } } } }))).toEqual([]);
  });
});
