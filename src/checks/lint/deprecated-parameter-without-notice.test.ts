import { describe, expect, it } from 'vitest';
import { deprecatedParameterWithoutNotice } from './deprecated-parameter-without-notice.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.deprecated-parameter-without-notice', () => {
  it('fires on a deprecated parameter with no description', async () => {
    const drafts = await runLintCheck(deprecatedParameterWithoutNotice, baseSpec({
      paths: { '/users': { get: {
        parameters: [{ name: 'page', in: 'query', deprecated: true }, { name: 'cursor', in: 'query' }],
        responses: { '200': { description: 'ok' } },
      } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users', pointer: '/paths/~1users/get/parameters/0' });
  });

  it('stays silent when the deprecated parameter is described', async () => {
    const drafts = await runLintCheck(deprecatedParameterWithoutNotice, baseSpec({
      paths: { '/users': { get: { parameters: [{ name: 'page', in: 'query', deprecated: true, description: 'Deprecated: use cursor.' }], responses: { '200': { description: 'ok' } } } } },
    }));
    expect(drafts).toEqual([]);
  });
});
