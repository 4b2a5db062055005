import { describe, expect, it } from 'vitest';
import { successResponseMissing } from './success-response-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.success-response-missing', () => {
  it('fires on an operation with only error responses', async () => {
    const drafts = await runLintCheck(successResponseMissing, baseSpec({ paths: { '/users': { get: { responses: { '400': { description: 'bad' }, '500': { description: 'down' } } } } } }));
    expect(drafts).toEqual([expect.objectContaining({ operation: 'GET /users', detail: 'GET /users documents only 400, 500: no 2xx, 3xx or default response.' })]);
  });

  it('stays silent with a 204 or a redirect', async () => {
    expect(await runLintCheck(successResponseMissing, baseSpec({ paths: { '/users': { delete: { responses: { '204': { description: 'gone' } } }, get: { responses: { '302': { description: 'moved' } } } } } }))).toEqual([]);
  });
});
