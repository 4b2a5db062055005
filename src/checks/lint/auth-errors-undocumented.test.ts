import { describe, expect, it } from 'vitest';
import { authErrorsUndocumented } from './auth-errors-undocumented.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const secured = {
  security: [{ bearer: [] }],
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
};

describe('lint.auth-errors-undocumented', () => {
  it('fires on a secured operation without 401, 403, 4XX or default', async () => {
    const drafts = await runLintCheck(authErrorsUndocumented, baseSpec({
      ...secured,
      paths: {
        '/users': { get: { responses: { '200': { description: 'ok' }, '404': { description: 'missing' } } } },
        '/public': { get: { security: [], responses: { '200': { description: 'ok' } } } },
      },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users', pointer: '/paths/~1users/get/responses' });
  });

  it('stays silent when the secured operation documents 401', async () => {
    const drafts = await runLintCheck(authErrorsUndocumented, baseSpec({
      ...secured,
      paths: { '/users': { get: { responses: { '200': { description: 'ok' }, '401': { description: 'no credentials' } } } } },
    }));
    expect(drafts).toEqual([]);
  });
});
