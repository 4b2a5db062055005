import { describe, expect, it } from 'vitest';
import { parameterCasingInconsistent } from './parameter-casing-inconsistent.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const withQuery = (...names: string[]) => ({
  get: { parameters: names.map((name) => ({ name, in: 'query', schema: { type: 'string' } })), responses: { '200': { description: 'ok' } } },
});

describe('lint.parameter-casing-inconsistent', () => {
  it('reports the mix once for the API and the minority name once', async () => {
    const drafts = await runLintCheck(parameterCasingInconsistent, baseSpec({
      paths: { '/a': withQuery('page_size', 'sort_by'), '/b': withQuery('page_size', 'pageToken', 'created_after') },
    }));
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/paths' });
    expect(drafts[1]).toMatchObject({ operation: 'GET /b', pointer: '/paths/~1b/get/parameters/1' });
    expect(drafts[1]!.detail).toContain('pageToken');
  });

  it('ignores header names and single-word names', async () => {
    const drafts = await runLintCheck(parameterCasingInconsistent, baseSpec({
      paths: {
        '/a': {
          get: {
            parameters: [
              { name: 'page_size', in: 'query', schema: { type: 'integer' } },
              { name: 'limit', in: 'query', schema: { type: 'integer' } },
              { name: 'X-Request-Id', in: 'header', schema: { type: 'string' } },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    }));
    expect(drafts).toEqual([]);
  });
});
