import { describe, expect, it } from 'vitest';
import { requestBodySchemaMissing } from './request-body-schema-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.request-body-schema-missing', () => {
  it('fires on a request body media type without schema', async () => {
    const drafts = await runLintCheck(requestBodySchemaMissing, baseSpec({
      paths: { '/users': { post: { requestBody: { content: { 'application/json': {} } }, responses: { '201': { description: 'ok' } } } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'POST /users', pointer: '/paths/~1users/post/requestBody/content/application~1json' });
  });

  it('fires on a Swagger 2.0 body parameter without schema', async () => {
    const drafts = await runLintCheck(requestBodySchemaMissing, {
      swagger: '2.0', info: { title: 't', version: '1' },
      paths: { '/users': { post: { parameters: [{ name: 'body', in: 'body' }], responses: { '201': { description: 'ok' } } } } },
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'POST /users', pointer: '/paths/~1users/post/parameters/0' });
  });

  it('stays silent when the request body has a schema', async () => {
    const drafts = await runLintCheck(requestBodySchemaMissing, baseSpec({
      paths: { '/users': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '201': { description: 'ok' } } } } },
    }));
    expect(drafts).toEqual([]);
  });
});
