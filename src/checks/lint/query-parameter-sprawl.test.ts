import { describe, expect, it } from 'vitest';
import { queryParameterSprawl } from './query-parameter-sprawl.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const queryParams = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `filter${i}`, in: 'query', schema: { type: 'string' } }));

describe('lint.query-parameter-sprawl', () => {
  it('reports an operation with nine query parameters', async () => {
    const drafts = await runLintCheck(queryParameterSprawl, baseSpec({
      paths: { '/items': { get: { parameters: queryParams(9), responses: { '200': { description: 'ok' } } } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /items', pointer: '/paths/~1items/get' });
    expect(drafts[0]!.detail).toContain('9 query parameters');
  });

  it('does not count paging and sorting parameters', async () => {
    const paging = ['limit', 'starting_after', 'ending_before', 'sort'].map((name) => ({ name, in: 'query', schema: { type: 'string' } }));
    const drafts = await runLintCheck(queryParameterSprawl, baseSpec({
      paths: { '/items': { get: { parameters: [...queryParams(8), ...paging], responses: { '200': { description: 'ok' } } } } },
    }));
    expect(drafts).toEqual([]);
  });

  it('stays silent at eight query parameters plus header parameters', async () => {
    const drafts = await runLintCheck(queryParameterSprawl, baseSpec({
      paths: {
        '/items': {
          get: { parameters: [...queryParams(8), { name: 'X-Trace', in: 'header', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } },
        },
      },
    }));
    expect(drafts).toEqual([]);
  });
});
