import { describe, expect, it } from 'vitest';
import { responseDescriptionEmpty } from './response-description-empty.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.response-description-empty', () => {
  it('fires once per operation listing the responses with blank or missing description', async () => {
    const drafts = await runLintCheck(responseDescriptionEmpty, baseSpec({
      paths: { '/users': { get: { responses: { '200': { description: 'The users.' }, '400': { description: '  ' }, '500': {} } } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users', pointer: '/paths/~1users/get/responses/400' });
    expect(drafts[0]!.detail).toContain('400, 500');
  });

  it('stays silent when every response is described', async () => {
    const drafts = await runLintCheck(responseDescriptionEmpty, baseSpec({ paths: { '/users': { get: { responses: { '200': { description: 'The users.' } } } } } }));
    expect(drafts).toEqual([]);
  });
});
