import { describe, expect, it } from 'vitest';
import { operationSummaryMissing } from './operation-summary-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };

describe('lint.operation-summary-missing', () => {
  it('fires on an operation without a summary, or with a blank one', async () => {
    const drafts = await runLintCheck(operationSummaryMissing, baseSpec({ paths: { '/users': { get: ok, post: { summary: '  ', ...ok } } } }));
    expect(drafts.map((d) => d.operation)).toEqual(['GET /users', 'POST /users']);
  });

  it('stays silent when the operation has a summary', async () => {
    expect(await runLintCheck(operationSummaryMissing, baseSpec({ paths: { '/users': { get: { summary: 'List users', ...ok } } } }))).toEqual([]);
  });
});
