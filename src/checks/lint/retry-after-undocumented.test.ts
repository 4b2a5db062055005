import { describe, expect, it } from 'vitest';
import { retryAfterUndocumented } from './retry-after-undocumented.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const withTooMany = (headers: unknown) => baseSpec({
  paths: { '/search': { get: { responses: { '200': { description: 'ok' }, '429': { description: 'slow down', headers } } } } },
});

describe('lint.retry-after-undocumented', () => {
  it('fires on a 429 without Retry-After', async () => {
    expect(await runLintCheck(retryAfterUndocumented, withTooMany({}))).toEqual([expect.objectContaining({ operation: 'GET /search', pointer: '/paths/~1search/get/responses/429' })]);
  });

  it('stays silent when Retry-After is documented, in any case', async () => {
    expect(await runLintCheck(retryAfterUndocumented, withTooMany({ 'retry-after': { schema: { type: 'integer' } } }))).toEqual([]);
  });
});
