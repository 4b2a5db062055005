import { describe, expect, it } from 'vitest';
import { errorResponsesMissing } from './error-responses-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.error-responses-missing', () => {
  it('fires on an operation that documents only success responses', async () => {
    const drafts = await runLintCheck(errorResponsesMissing, baseSpec({ paths: { '/users': { get: { responses: { '200': { description: 'ok' } } } } } }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users', pointer: '/paths/~1users/get/responses' });
  });

  it('stays silent when a 4xx, 5XX or default response is documented', async () => {
    const drafts = await runLintCheck(errorResponsesMissing, baseSpec({
      paths: {
        '/a': { get: { responses: { '200': { description: 'ok' }, '404': { description: 'missing' } } } },
        '/b': { get: { responses: { '200': { description: 'ok' }, '5XX': { description: 'broken' } } } },
        '/c': { get: { responses: { '200': { description: 'ok' }, default: { description: 'error' } } } },
      },
    }));
    expect(drafts).toEqual([]);
  });
});
