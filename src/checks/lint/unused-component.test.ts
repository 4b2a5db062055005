import { describe, expect, it } from 'vitest';
import { unusedComponent } from './unused-component.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const usesUser = { '/users': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } } } } };

describe('lint.unused-component', () => {
  it('fires on a schema nothing references, but not on security schemes', async () => {
    const drafts = await runLintCheck(unusedComponent, baseSpec({
      paths: usesUser,
      components: {
        schemas: { User: { type: 'object' }, Orphan: { type: 'object' } },
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/components/schemas/Orphan' });
  });

  it('stays silent when components are reached by $ref, by a ref into them or by a discriminator mapping', async () => {
    const drafts = await runLintCheck(unusedComponent, baseSpec({
      paths: usesUser,
      components: {
        schemas: {
          User: {
            type: 'object',
            properties: { pet: { oneOf: [{ $ref: '#/components/schemas/Pet/properties/kind' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog' } } } },
          },
          Pet: { type: 'object', properties: { kind: { type: 'string' } } },
          Cat: { type: 'object' },
          Dog: { type: 'object' },
        },
      },
    }));
    expect(drafts).toEqual([]);
  });
});
