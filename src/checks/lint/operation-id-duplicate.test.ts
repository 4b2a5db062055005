import { describe, expect, it } from 'vitest';
import { operationIdDuplicate } from './operation-id-duplicate.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };

describe('lint.operation-id-duplicate', () => {
  it('fires on the second operation that reuses an operationId and names the first', async () => {
    const drafts = await runLintCheck(operationIdDuplicate, baseSpec({
      paths: { '/users': { get: { operationId: 'getUsers', ...ok } }, '/people': { get: { operationId: 'getUsers', ...ok } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /people', pointer: '/paths/~1people/get/operationId' });
    expect(drafts[0]!.detail).toContain('GET /users');
  });

  it('stays silent when operationIds are unique', async () => {
    const drafts = await runLintCheck(operationIdDuplicate, baseSpec({
      paths: { '/users': { get: { operationId: 'listUsers', ...ok } }, '/people': { get: { operationId: 'listPeople', ...ok } } },
    }));
    expect(drafts).toEqual([]);
  });
});
