import { describe, expect, it } from 'vitest';
import { requestIntegerUnbounded } from './request-integer-unbounded.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const list = (schema: unknown) => baseSpec({
  paths: { '/items': { get: { parameters: [{ name: 'per_page', in: 'query', schema }], responses: { '200': { description: 'ok' } } } } },
});

describe('lint.request-integer-unbounded', () => {
  it('fires on a page size without a maximum', async () => {
    const drafts = await runLintCheck(requestIntegerUnbounded, list({ type: 'integer', minimum: 1 }));
    expect(drafts).toEqual([expect.objectContaining({ pointer: '/paths/~1items/get/parameters/0/schema', detail: "An integer in the query parameter 'per_page' of GET /items has no maximum." })]);
  });

  it('stays silent when both bounds are set, and on integer ids in the path', async () => {
    expect(await runLintCheck(requestIntegerUnbounded, list({ type: 'integer', minimum: 1, maximum: 100 }))).toEqual([]);
    expect(await runLintCheck(requestIntegerUnbounded, baseSpec({
      paths: { '/items/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '200': { description: 'ok' } } } } },
    }))).toEqual([]);
  });
});
