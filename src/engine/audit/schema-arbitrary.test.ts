import { Ajv } from 'ajv';
import addFormatsPkg from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { specFromObject } from '../../spec/load.js';
import { arbitraryFor, exampleFor, flattenSchema } from './schema-arbitrary.js';

const addFormats = addFormatsPkg.default;
const identity = (value: unknown) => value;
const samples = 200;

/** A document whose components the generator resolves through, and ajv validates against. */
function specWith(schemas: Record<string, unknown>) {
  return specFromObject({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas } });
}

function validatorFor(document?: Record<string, unknown>) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  if (document) ajv.addSchema(document, 'spec');
  return ajv;
}

/** Draw 200 values for `schema` and return those that fail `validationSchema` (the schema itself unless given). */
function invalidSamples(schema: unknown, options: { validationSchema?: unknown; spec?: ReturnType<typeof specWith>; seed?: number } = {}) {
  // Read back from JSON, as the server sees them (fast-check may build objects without a prototype).
  const values = fc.sample(arbitraryFor(schema, options.spec?.resolve ?? identity), { seed: options.seed ?? 11, numRuns: samples }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
  const ajv = validatorFor(options.spec ? (options.spec.document as Record<string, unknown>) : undefined);
  const validate = ajv.compile((options.validationSchema ?? schema) as object);
  return {
    values,
    invalid: values.filter((v) => !validate(v)).slice(0, 3).map((v) => ({ value: v, errors: (validate(v), validate.errors) })),
  };
}

describe('flattenSchema', () => {
  const spec = specWith({
    Base: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, name: { type: 'string' } } },
    Stamped: { allOf: [{ properties: { createdAt: { type: 'string', format: 'date-time' } }, required: ['createdAt'] }] },
    Pet: {
      allOf: [{ $ref: '#/components/schemas/Base' }, { $ref: '#/components/schemas/Stamped' }, { properties: { name: { type: 'string', maxLength: 3 } }, required: ['name'] }],
      description: 'a pet',
    },
  });

  it('merges allOf branches behind refs: properties and required unioned, later properties win, own keywords kept', () => {
    const flat = flattenSchema({ $ref: '#/components/schemas/Pet' }, spec.resolve);
    expect(flat['allOf']).toBeUndefined();
    expect(flat['description']).toBe('a pet');
    expect(flat['type']).toBe('object');
    expect(Object.keys(flat['properties'] as object).sort()).toEqual(['createdAt', 'id', 'name']);
    expect((flat['properties'] as Record<string, unknown>)['name']).toEqual({ type: 'string', maxLength: 3 });
    expect([...(flat['required'] as string[])].sort()).toEqual(['createdAt', 'id', 'name']);
  });

  it('returns the resolved schema itself when there is no allOf', () => {
    expect(flattenSchema({ $ref: '#/components/schemas/Base' }, spec.resolve)).toEqual(spec.document['components'] && (spec.resolve({ $ref: '#/components/schemas/Base' }) as object));
    expect(flattenSchema(undefined, identity)).toEqual({});
  });

  it('infers object for merged properties but keeps a type the branches give', () => {
    expect(flattenSchema({ allOf: [{ properties: { a: { type: 'string' } } }] }, identity)['type']).toBe('object');
    expect(flattenSchema({ allOf: [{ type: 'string' }, { minLength: 2 }] }, identity)).toEqual({ type: 'string', minLength: 2 });
  });
});

describe('arbitraryFor generates values that validate against the schema', () => {
  it.each([
    ['a closed range', { type: 'integer', minimum: 5, maximum: 9 }],
    ['a maximum alone', { type: 'integer', maximum: -10 }],
    ['a minimum alone', { type: 'integer', minimum: 1_000 }],
    ['a multipleOf inside a range', { type: 'integer', minimum: 1, maximum: 100, multipleOf: 7 }],
    ['a multipleOf with no range', { type: 'integer', multipleOf: 25 }],
    ['numeric exclusive bounds (3.1)', { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 3 }],
    ['a range below -2^31', { type: 'integer', minimum: -5_000_000_000, maximum: -4_000_000_000 }],
    ['a range above 2^31', { type: 'integer', minimum: 1_600_000_000_000, maximum: 1_700_000_000_000 }],
  ])('integers with %s', (_, schema) => {
    expect(invalidSamples(schema).invalid).toEqual([]);
  });

  it('integers with boolean exclusive bounds (OpenAPI 3.0)', () => {
    const { invalid, values } = invalidSamples(
      { type: 'integer', minimum: 0, maximum: 4, exclusiveMinimum: true, exclusiveMaximum: true },
      { validationSchema: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 4 } },
    );
    expect(invalid).toEqual([]);
    expect(new Set(values)).toEqual(new Set([1, 2, 3]));
  });

  it('integers over a range wider than 32 bits, with more than one value', () => {
    const { values } = invalidSamples({ type: 'integer', minimum: 1_600_000_000_000, maximum: 1_700_000_000_000 });
    expect(new Set(values).size).toBeGreaterThan(1);
  });

  it('numbers with exclusive bounds', () => {
    expect(invalidSamples({ type: 'number', exclusiveMinimum: 0, maximum: 1 }).invalid).toEqual([]);
    expect(invalidSamples({ type: 'number', minimum: 0.5, maximum: 0.5 }).invalid).toEqual([]);
  });

  it.each(['email', 'uuid', 'date-time', 'date'])('strings with format %s', (format) => {
    expect(invalidSamples({ type: 'string', format }).invalid).toEqual([]);
  });

  it('strings with a pattern and a maxLength', () => {
    const { invalid, values } = invalidSamples({ type: 'string', pattern: '^[A-Z]{3}-\\d{4}$', maxLength: 8 });
    expect(invalid).toEqual([]);
    expect(new Set(values).size).toBeGreaterThan(10);
  });

  it('strings with minLength and maxLength, and a long minLength alone', () => {
    const { invalid, values } = invalidSamples({ type: 'string', minLength: 3, maxLength: 5 });
    expect(invalid).toEqual([]);
    expect(new Set(values.map((v) => (v as string).length))).toEqual(new Set([3, 4, 5]));
    expect(invalidSamples({ type: 'string', minLength: 40 }).invalid).toEqual([]);
  });

  it('enums, drawing every value', () => {
    const { invalid, values } = invalidSamples({ type: 'string', enum: ['red', 'green', 'blue'] });
    expect(invalid).toEqual([]);
    expect(new Set(values)).toEqual(new Set(['red', 'green', 'blue']));
  });

  it('nested objects with required and optional properties, optional ones sometimes left out', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'owner'],
      properties: {
        id: { type: 'integer', minimum: 1 },
        note: { type: 'string', maxLength: 10 },
        owner: {
          type: 'object',
          additionalProperties: false,
          required: ['email'],
          properties: { email: { type: 'string', format: 'email' }, age: { type: 'integer', minimum: 0, maximum: 150 } },
        },
      },
    };
    const { invalid, values } = invalidSamples(schema);
    expect(invalid).toEqual([]);
    const withNote = values.filter((v) => 'note' in (v as object)).length;
    expect(withNote).toBeGreaterThan(0);
    expect(withNote).toBeLessThan(samples);
  });

  it('never generates readOnly properties (a client must not send them)', () => {
    const { values } = invalidSamples({ type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' } } });
    expect(values.every((v) => !('id' in (v as object)) && 'name' in (v as object))).toBe(true);
  });

  it('arrays with minItems, maxItems and uniqueItems', () => {
    const schema = { type: 'array', minItems: 2, maxItems: 4, uniqueItems: true, items: { type: 'integer', minimum: 0, maximum: 5 } };
    const { invalid, values } = invalidSamples(schema);
    expect(invalid).toEqual([]);
    expect(new Set(values.map((v) => (v as unknown[]).length))).toEqual(new Set([2, 3, 4]));
    expect(invalidSamples({ type: 'array', uniqueItems: true, items: { type: 'object', properties: { a: { type: 'boolean' } } } }).invalid).toEqual([]);
  });

  it('oneOf between types and between objects told apart by an enum', () => {
    expect(invalidSamples({ oneOf: [{ type: 'string', maxLength: 3 }, { type: 'integer' }] }).invalid).toEqual([]);
    const shapes = {
      oneOf: [
        { type: 'object', required: ['kind', 'radius'], properties: { kind: { type: 'string', enum: ['circle'] }, radius: { type: 'number', minimum: 0 } } },
        { type: 'object', required: ['kind', 'side'], properties: { kind: { type: 'string', enum: ['square'] }, side: { type: 'integer', minimum: 1 } } },
      ],
    };
    const { invalid, values } = invalidSamples(shapes);
    expect(invalid).toEqual([]);
    expect(new Set(values.map((v) => (v as { kind: string }).kind))).toEqual(new Set(['circle', 'square']));
  });

  it('nullable values, in the 3.0 keyword and the 3.1 type array', () => {
    expect(invalidSamples({ type: 'string', nullable: true, maxLength: 4 }).invalid).toEqual([]);
    expect(invalidSamples({ type: ['integer', 'null'], minimum: 3, maximum: 5 }).invalid).toEqual([]);
  });

  it('objects behind refs and allOf', () => {
    const spec = specWith({
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
      Item: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['qty'], properties: { qty: { type: 'integer', minimum: 1, maximum: 9 } } }] },
    });
    const schema = { $ref: '#/components/schemas/Item' };
    const { invalid, values } = invalidSamples(schema, { spec, validationSchema: { $ref: 'spec#/components/schemas/Item' } });
    expect(invalid).toEqual([]);
    expect(values.every((v) => typeof (v as { id: unknown }).id === 'string' && typeof (v as { qty: unknown }).qty === 'number')).toBe(true);
  });

  it.each([
    ['required', ['name', 'children']],
    ['optional', ['name']],
  ])('a recursive tree whose children are %s terminates', (_, required) => {
    const spec = specWith({
      Node: { type: 'object', required, properties: { name: { type: 'string', maxLength: 4 }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
    });
    const { invalid, values } = invalidSamples({ $ref: '#/components/schemas/Node' }, { spec, validationSchema: { $ref: 'spec#/components/schemas/Node' } });
    expect(invalid).toEqual([]);
    const depth = (node: unknown): number => 1 + Math.max(0, ...(((node as { children?: unknown[] }).children ?? []).map(depth)));
    expect(Math.max(...values.map(depth))).toBeLessThanOrEqual(6);
  });
});

describe('exampleFor', () => {
  it('prefers example, then examples, then default, then const, then the first enum value', () => {
    const base = { type: 'string', enum: ['e1', 'e2'] };
    expect(exampleFor({ ...base, example: 'ex', examples: ['exs'], default: 'def' }, identity)).toBe('ex');
    expect(exampleFor({ ...base, examples: ['exs'], default: 'def' }, identity)).toBe('exs');
    expect(exampleFor({ ...base, default: 'def' }, identity)).toBe('def');
    expect(exampleFor({ ...base, const: 'c' }, identity)).toBe('c');
    expect(exampleFor(base, identity)).toBe('e1');
  });

  it('keeps a falsy example rather than generating one', () => {
    expect(exampleFor({ type: 'integer', minimum: 5, example: 0 }, identity)).toBe(0);
    expect(exampleFor({ type: 'boolean', default: false }, identity)).toBe(false);
  });

  it('builds objects from required properties and optional ones with their own examples, skipping readOnly', () => {
    const schema = {
      type: 'object',
      required: ['name', 'id'],
      properties: {
        id: { type: 'integer', readOnly: true },
        name: { type: 'string', example: 'Rex' },
        nickname: { type: 'string', example: 'R' },
        colour: { type: 'string' },
      },
    };
    expect(exampleFor(schema, identity)).toEqual({ name: 'Rex', nickname: 'R' });
  });

  it('is deterministic: the same schema and seed give the same value', () => {
    const schema = { type: 'object', required: ['a', 'b', 'c'], properties: { a: { type: 'string', format: 'uuid' }, b: { type: 'integer', minimum: 3 }, c: { type: 'array', items: { type: 'string' } } } };
    const first = exampleFor(schema, identity);
    expect(exampleFor(schema, identity)).toEqual(first);
    expect(exampleFor(schema, identity, 42)).toEqual(first);
    const ajv = validatorFor();
    expect(ajv.validate(schema, first)).toBe(true);
  });

  it('terminates on a recursive schema whose children are required, with a valid value', () => {
    const spec = specWith({
      Node: { type: 'object', required: ['name', 'children'], properties: { name: { type: 'string', example: 'n' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
    });
    const value = exampleFor({ $ref: '#/components/schemas/Node' }, spec.resolve);
    const ajv = validatorFor(spec.document as Record<string, unknown>);
    expect(ajv.validate({ $ref: 'spec#/components/schemas/Node' }, value)).toBe(true);
  });
});
