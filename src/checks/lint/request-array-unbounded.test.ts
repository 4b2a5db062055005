import { describe, expect, it } from 'vitest';
import { requestArrayUnbounded } from './request-array-unbounded.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const post = (schema: unknown) => baseSpec({
  paths: { '/batch': { post: { requestBody: { content: { 'application/json': { schema } } }, responses: { '200': { description: 'ok' } } } } },
});

describe('lint.request-array-unbounded', () => {
  it('fires on a body array without maxItems', async () => {
    expect(await runLintCheck(requestArrayUnbounded, post({ type: 'array', items: { type: 'integer' } }))).toEqual([
      expect.objectContaining({ operation: 'POST /batch', pointer: '/paths/~1batch/post/requestBody/content/application~1json/schema' }),
    ]);
  });

  it('stays silent when maxItems is set', async () => {
    expect(await runLintCheck(requestArrayUnbounded, post({ type: 'array', maxItems: 100, items: { type: 'integer' } }))).toEqual([]);
  });
});
