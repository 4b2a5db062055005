import { describe, expect, it } from 'vitest';
import { errorSchemaInconsistent } from './error-schema-inconsistent.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const json = (schema: unknown) => ({ description: 'error', content: { 'application/json': { schema } } });
const components = {
  schemas: {
    Error: { type: 'object', properties: { message: { type: 'string' }, code: { type: 'string' } } },
    ValidationError: { allOf: [{ $ref: '#/components/schemas/Error' }, { properties: { errors: { type: 'array' } } }] },
    Legacy: { type: 'object', properties: { error: { type: 'object' } } },
  },
};

describe('lint.error-schema-inconsistent', () => {
  it('reports one API-wide finding pointing at the rarest shape', async () => {
    const drafts = await runLintCheck(errorSchemaInconsistent, baseSpec({
      components,
      paths: {
        '/a': { get: { responses: { '404': json({ $ref: '#/components/schemas/Error' }), '422': json({ $ref: '#/components/schemas/ValidationError' }) } } },
        '/b': { get: { responses: { '404': json({ $ref: '#/components/schemas/Error' }) } } },
        '/c': { get: { responses: { '500': json({ $ref: '#/components/schemas/Legacy' }) } } },
      },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/paths/~1c/get/responses/500/content/application~1json' });
    expect(drafts[0]!.detail).toContain('2 unrelated shapes');
  });

  it('treats an error with extra members as the same family', async () => {
    const drafts = await runLintCheck(errorSchemaInconsistent, baseSpec({
      components,
      paths: {
        '/a': { get: { responses: { '404': json({ $ref: '#/components/schemas/Error' }), '422': json({ $ref: '#/components/schemas/ValidationError' }) } } },
        '/b': { get: { responses: { '404': { description: 'no body' }, '500': json({ type: 'object' }) } } },
      },
    }));
    expect(drafts).toEqual([]);
  });
});
