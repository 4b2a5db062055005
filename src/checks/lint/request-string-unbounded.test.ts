import { describe, expect, it } from 'vitest';
import { requestStringUnbounded } from './request-string-unbounded.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const post = (properties: Record<string, unknown>) => baseSpec({
  paths: { '/notes': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } }, responses: { '201': { description: 'ok' } } } } },
  components: { schemas: { Note: { type: 'object', properties } } },
});

describe('lint.request-string-unbounded', () => {
  it('fires on a body string without maxLength, at the component where it is written', async () => {
    const drafts = await runLintCheck(requestStringUnbounded, post({ text: { type: 'string' }, title: { type: 'string', maxLength: 80 } }));
    expect(drafts).toEqual([expect.objectContaining({ operation: 'POST /notes', pointer: '/components/schemas/Note/properties/text' })]);
  });

  it('stays silent on bounded strings and on read-only ones clients do not send', async () => {
    expect(await runLintCheck(requestStringUnbounded, post({
      id: { type: 'string', readOnly: true }, state: { type: 'string', enum: ['a'] }, at: { type: 'string', format: 'date-time' }, code: { type: 'string', pattern: '^[A-Z]{3}$' },
    }))).toEqual([]);
  });
});
