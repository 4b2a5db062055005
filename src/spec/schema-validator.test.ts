import { describe, expect, it } from 'vitest';
import { specFromObject } from './load.js';
import type { Schema } from './model.js';
import { createSchemaValidator } from './schema-validator.js';

function validatorFor(version: '3.0.3' | '3.1.0', schemas: Record<string, unknown> = {}) {
  const spec = specFromObject({ openapi: version, info: { title: 't', version: '1' }, paths: {}, components: { schemas } });
  const validator = createSchemaValidator(spec);
  /** Problems of `value` against a schema (components may be referred to). */
  return (schema: Schema, value: unknown) => validator.validate(schema, value);
}

describe('createSchemaValidator for OpenAPI 3.0', () => {
  const validate = validatorFor('3.0.3', {
    Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, owner: { $ref: '#/components/schemas/Owner' } } },
    Owner: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
  });

  it('accepts null only where the schema is nullable', () => {
    expect(validate({ type: 'string', nullable: true }, null)).toEqual([]);
    expect(validate({ type: 'string' }, null)).toHaveLength(1);
    expect(validate({ type: 'string', enum: ['a'], nullable: true }, null)).toEqual([]);
    expect(validate({ type: 'string', enum: ['a'], nullable: true }, 'b')).not.toEqual([]);
  });

  it('reads a boolean exclusiveMinimum/exclusiveMaximum as excluding the bound', () => {
    const schema = { type: 'integer', minimum: 5, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: true };
    expect(validate(schema, 5)).not.toEqual([]);
    expect(validate(schema, 6)).toEqual([]);
    expect(validate(schema, 9)).not.toEqual([]);
    expect(validate({ type: 'integer', minimum: 5, exclusiveMinimum: false }, 5)).toEqual([]);
    expect(validate({ type: 'integer', minimum: 5, exclusiveMinimum: false }, 4)).not.toEqual([]);
  });

  it('follows $refs into components, several levels deep, and names the failing path', () => {
    expect(validate({ $ref: '#/components/schemas/Pet' }, { name: 'Rex', owner: { id: 1 } })).toEqual([]);
    const problems = validate({ $ref: '#/components/schemas/Pet' }, { name: 'Rex', owner: { id: 'one' } });
    expect(problems).toEqual([{ path: '/owner/id', message: '/owner/id must be integer' }]);
  });

  it('ignores the siblings of a $ref, as 3.0 does', () => {
    expect(validate({ $ref: '#/components/schemas/Owner', maxProperties: 0 } as Schema, { id: 1 })).toEqual([]);
  });

  it('ignores formats it does not know instead of failing the schema', () => {
    expect(validate({ type: 'string', format: 'phone-number' }, 'anything')).toEqual([]);
    expect(validate({ type: 'integer', format: 'int64' }, 12)).toEqual([]);
    expect(validate({ type: 'string', format: 'email' }, 'not an email')).not.toEqual([]);
  });

  it('keeps properties whose names look like OpenAPI keywords or extensions', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['deprecated', 'example'],
      properties: { deprecated: { type: 'boolean' }, example: { type: 'string' }, 'x-trace': { type: 'string' } },
    };
    expect(validate(schema, { deprecated: true, example: 'e', 'x-trace': 't' })).toEqual([]);
    expect(validate(schema, { deprecated: 'yes', example: 'e' })).toEqual([{ path: '/deprecated', message: '/deprecated must be boolean' }]);
  });

  it('names an unexpected property and caps the number of problems', () => {
    expect(validate({ type: 'object', properties: {}, additionalProperties: false }, { extra: 1 })).toEqual([{ path: '/', message: "body must NOT have additional properties 'extra'" }]);
    const many = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, { type: 'integer' }]));
    const value = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, 'x']));
    expect(validate({ type: 'object', properties: many }, value)).toHaveLength(5);
  });

  it('returns null for a schema it cannot compile rather than throwing', () => {
    expect(validate({ type: 'string', pattern: '([' }, 'x')).toBeNull();
  });
});

describe('createSchemaValidator for OpenAPI 3.1', () => {
  const validate = validatorFor('3.1.0', { Id: { type: ['string', 'integer'] } });

  it('accepts type arrays, including null', () => {
    expect(validate({ type: ['string', 'null'] }, null)).toEqual([]);
    expect(validate({ type: ['string', 'null'] }, 3)).not.toEqual([]);
    expect(validate({ $ref: '#/components/schemas/Id' }, 3)).toEqual([]);
    expect(validate({ $ref: '#/components/schemas/Id' }, true)).not.toEqual([]);
  });

  it('reads a numeric exclusiveMinimum as the JSON Schema bound', () => {
    expect(validate({ type: 'number', exclusiveMinimum: 0 }, 0)).not.toEqual([]);
    expect(validate({ type: 'number', exclusiveMinimum: 0 }, 0.1)).toEqual([]);
  });
});
