import { describe, expect, it } from 'vitest';
import { operationDescription } from './operation-description.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.operation-description', () => {
  it('fires on an operation with neither summary nor description', async () => {
    const drafts = await runLintCheck(operationDescription, baseSpec({ paths: { '/users': { get: { responses: { '200': { description: 'ok' } } } } } }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users', pointer: '/paths/~1users/get' });
  });

  it('stays silent when the operation has a summary', async () => {
    const drafts = await runLintCheck(operationDescription, baseSpec({ paths: { '/users': { get: { summary: 'List users', responses: { '200': { description: 'ok' } } } } } }));
    expect(drafts).toEqual([]);
  });
});
