import { describe, expect, it } from 'vitest';
import { refSiblings } from './ref-siblings.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const pet = { type: 'object', properties: { name: { type: 'string' } } };

describe('lint.ref-siblings', () => {
  it('fires on a nullable written beside a $ref in OpenAPI 3.0 and names the key', async () => {
    const drafts = await runLintCheck(refSiblings, baseSpec({
      components: { schemas: { Pet: pet, Owner: { type: 'object', properties: { pet: { $ref: '#/components/schemas/Pet', nullable: true } } } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ pointer: '/components/schemas/Owner/properties/pet' });
    expect(drafts[0]!.detail).toContain("'nullable'");
  });

  it('stays silent on a wrapped reference and on OpenAPI 3.1 schema siblings', async () => {
    expect(await runLintCheck(refSiblings, baseSpec({
      components: { schemas: { Pet: pet, Owner: { type: 'object', properties: { pet: { allOf: [{ $ref: '#/components/schemas/Pet' }], nullable: true } } } } },
    }))).toEqual([]);
    expect(await runLintCheck(refSiblings, baseSpec({
      openapi: '3.1.0',
      components: { schemas: { Pet: pet, Owner: { type: 'object', properties: { pet: { $ref: '#/components/schemas/Pet', description: 'The pet.' } } } } },
    }))).toEqual([]);
  });
});
