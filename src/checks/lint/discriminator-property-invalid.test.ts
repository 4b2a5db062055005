import { describe, expect, it } from 'vitest';
import { discriminatorPropertyInvalid } from './discriminator-property-invalid.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const cat = { type: 'object', properties: { kind: { type: 'string' }, meows: { type: 'boolean' } } };

describe('lint.discriminator-property-invalid', () => {
  it('fires when a variant lacks the discriminator property', async () => {
    const drafts = await runLintCheck(discriminatorPropertyInvalid, baseSpec({
      components: { schemas: { Cat: cat, Dog: { type: 'object', properties: { barks: { type: 'boolean' } } },
        Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind' } } } },
    }));
    expect(drafts).toEqual([expect.objectContaining({ pointer: '/components/schemas/Pet/discriminator' })]);
    expect(drafts[0]!.detail).toContain('#/components/schemas/Dog');
  });

  it('stays silent when every variant defines it, including through allOf', async () => {
    expect(await runLintCheck(discriminatorPropertyInvalid, baseSpec({
      components: { schemas: { Cat: cat, Dog: { allOf: [{ $ref: '#/components/schemas/Cat' }, { type: 'object' }] },
        Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind' } } } },
    }))).toEqual([]);
  });
});
