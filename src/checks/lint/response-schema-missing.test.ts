import { describe, expect, it } from 'vitest';
import { responseSchemaMissing } from './response-schema-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.response-schema-missing', () => {
  it('fires on a 2xx response without content and on a media type without schema', async () => {
    const drafts = await runLintCheck(responseSchemaMissing, baseSpec({
      paths: {
        '/users': { get: { responses: { '200': { description: 'ok' } } } },
        '/teams': { get: { responses: { '200': { description: 'ok', content: { 'application/json': {} } } } } },
      },
    }));
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users', pointer: '/paths/~1users/get/responses/200' });
    expect(drafts[1]).toMatchObject({ operation: 'GET /teams', pointer: '/paths/~1teams/get/responses/200/content/application~1json' });
  });

  it('stays silent on 204, HEAD and responses with a schema', async () => {
    const drafts = await runLintCheck(responseSchemaMissing, baseSpec({
      paths: {
        '/users': {
          get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array' } } } } } },
          head: { responses: { '200': { description: 'ok' } } },
          delete: { responses: { '204': { description: 'gone' } } },
        },
      },
    }));
    expect(drafts).toEqual([]);
  });
});
