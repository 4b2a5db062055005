import { describe, expect, it } from 'vitest';
import { responseExampleMissing } from './response-example-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const userSchema = { type: 'object', properties: { id: { type: 'string' } } };

describe('lint.response-example-missing', () => {
  it('fires once per operation whose 2xx JSON content has no example', async () => {
    const drafts = await runLintCheck(responseExampleMissing, baseSpec({
      paths: { '/users': { get: { responses: {
        '200': { description: 'ok', content: { 'application/json': { schema: userSchema } } },
        '201': { description: 'ok', content: { 'application/json': { schema: userSchema } } },
      } } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users', pointer: '/paths/~1users/get/responses/200/content/application~1json' });
  });

  it('stays silent when the media type or the referenced schema carries an example', async () => {
    const drafts = await runLintCheck(responseExampleMissing, baseSpec({
      paths: {
        '/users': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: userSchema, example: { id: 'u1' } } } } } } },
        '/teams': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Team' } } } } } } } },
      },
      components: { schemas: { Team: { type: 'object', example: { id: 't1' } } } },
    }));
    expect(drafts).toEqual([]);
  });
});
