import { describe, expect, it } from 'vitest';
import { operationIdUrlUnsafe } from './operation-id-url-unsafe.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };

describe('lint.operation-id-url-unsafe', () => {
  it('fires on an operationId with spaces', async () => {
    const drafts = await runLintCheck(operationIdUrlUnsafe, baseSpec({ paths: { '/users': { get: { operationId: 'list all users', ...ok } } } }));
    expect(drafts).toEqual([expect.objectContaining({ operation: 'GET /users', detail: "operationId 'list all users' contains space." })]);
  });

  it('stays silent on ids made of URL-safe characters', async () => {
    expect(await runLintCheck(operationIdUrlUnsafe, baseSpec({ paths: { '/users': { get: { operationId: 'users/list-all_v2', ...ok } } } }))).toEqual([]);
  });
});
