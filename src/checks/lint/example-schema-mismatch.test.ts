import { describe, expect, it } from 'vitest';
import { exampleSchemaMismatch } from './example-schema-mismatch.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const post = (example: unknown) =>
  baseSpec({
    paths: {
      '/posts': {
        post: {
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Post' }, example } } },
          responses: { '201': { description: 'created' } },
        },
      },
    },
    components: { schemas: { Post: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, views: { type: 'integer', nullable: true } } } } },
  });

describe('lint.example-schema-mismatch', () => {
  it('fires on an example that breaks its referenced schema', async () => {
    const drafts = await runLintCheck(exampleSchemaMismatch, post({ body: 'Timeouts first', views: 3 }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'POST /posts', pointer: '/paths/~1posts/post/requestBody/content/application~1json/example' });
    expect(drafts[0]!.detail).toMatch(/title/);
  });

  it('stays silent on an example that matches, nullable included', async () => {
    expect(await runLintCheck(exampleSchemaMismatch, post({ title: 'Timeouts first', views: null }))).toEqual([]);
  });
});
