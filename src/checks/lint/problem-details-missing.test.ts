import { describe, expect, it } from 'vitest';
import { problemDetailsMissing } from './problem-details-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const plainError = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const problem = { description: 'problem', content: { 'application/problem+json': { schema: { type: 'object' } } } };
const components = {
  schemas: {
    Error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
    Problem: { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } } },
  },
};

describe('lint.problem-details-missing', () => {
  it('reports once for the whole API when most errors are not problem details', async () => {
    const drafts = await runLintCheck(problemDetailsMissing, baseSpec({
      components,
      paths: {
        '/a': { get: { responses: { '200': { description: 'ok' }, '404': plainError, '500': plainError } } },
        '/b': { get: { responses: { '200': { description: 'ok' }, default: plainError } } },
      },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/paths/~1a/get/responses/404/content/application~1json' });
    expect(drafts[0]!.detail).toContain('3 of 3');
  });

  it('reports the stragglers per operation when the API mostly uses problem details', async () => {
    const drafts = await runLintCheck(problemDetailsMissing, baseSpec({
      components,
      paths: {
        '/a': { get: { responses: { '200': { description: 'ok' }, '404': problem, '500': problem } } },
        '/b': { get: { responses: { '400': { description: 'bad', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } } } } },
        '/c': { get: { responses: { '404': plainError } } },
      },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /c', pointer: '/paths/~1c/get/responses/404/content/application~1json' });
  });

  it('stays silent when every error response is a problem', async () => {
    const drafts = await runLintCheck(problemDetailsMissing, baseSpec({
      components,
      paths: { '/a': { get: { responses: { '200': { description: 'ok' }, '404': problem, '409': { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } } } } } },
    }));
    expect(drafts).toEqual([]);
  });
});
