import { describe, expect, it } from 'vitest';
import { operationIdMissing } from './operation-id-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.operation-id-missing', () => {
  it('fires on each operation without an operationId', async () => {
    const drafts = await runLintCheck(operationIdMissing, baseSpec({
      paths: { '/users': { get: { responses: { '200': { description: 'ok' } } }, post: { operationId: 'createUser', responses: { '201': { description: 'ok' } } } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users', pointer: '/paths/~1users/get' });
  });

  it('stays silent when every operation has an operationId', async () => {
    const drafts = await runLintCheck(operationIdMissing, baseSpec({ paths: { '/users': { get: { operationId: 'listUsers', responses: { '200': { description: 'ok' } } } } } }));
    expect(drafts).toEqual([]);
  });
});
