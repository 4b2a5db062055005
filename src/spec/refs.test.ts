import { describe, expect, it } from 'vitest';
import { collectRefs, createResolver, getByPointer, getByRef } from './refs.js';

describe('collectRefs', () => {
  it('collects references with the pointer of the object holding them', () => {
    const doc = { paths: { '/a/b': { get: { parameters: [{ $ref: '#/p' }] } } }, components: { schemas: { 'x~y': { $ref: 'other.yaml#/X' } } } };
    expect(collectRefs(doc)).toEqual(expect.arrayContaining([
      { ref: '#/p', pointer: '/paths/~1a~1b/get/parameters/0' },
      { ref: 'other.yaml#/X', pointer: '/components/schemas/x~0y' },
    ]));
    expect(collectRefs(doc)).toHaveLength(2);
  });

  it('skips `$ref` keys inside example, default, enum and const values, which are data', () => {
    const doc = {
      components: {
        examples: { stats: { value: [{ actions: { $ref: 'server-statistics-actions.yaml' } }] } },
        schemas: {
          A: {
            example: { $ref: 'in-example' },
            default: { $ref: 'in-default' },
            enum: [{ $ref: 'in-enum' }],
            const: { $ref: 'in-const' },
            examples: [{ $ref: 'in-schema-examples' }],
          },
        },
      },
      paths: { '/a': { get: { responses: { 200: { content: { 'application/json': { examples: { one: { $ref: '#/components/examples/stats' } } } } } } } } },
    };
    expect(collectRefs(doc).map((s) => s.ref)).toEqual(['#/components/examples/stats']);
  });

  it('still walks properties and responses that are named like those keywords', () => {
    const doc = {
      components: { schemas: { A: { properties: { example: { $ref: '#/components/schemas/B' }, enum: { $ref: '#/components/schemas/C' } } } } },
      paths: { '/a': { get: { responses: { default: { $ref: '#/components/responses/Error' } } } } },
    };
    expect(collectRefs(doc).map((s) => s.ref).sort()).toEqual(['#/components/responses/Error', '#/components/schemas/B', '#/components/schemas/C']);
  });

  it('accepts a document that is not an object', () => {
    expect(collectRefs(null)).toEqual([]);
    expect(collectRefs('text')).toEqual([]);
  });
});

describe('getByPointer and getByRef', () => {
  const doc = { a: { 'b/c': [10, 20], 'd~e': 1, 'f%20g': 2, 'h i': 3 } };

  it('reads plain pointers without URI-decoding them', () => {
    expect(getByPointer(doc, '/a/b~1c/1')).toBe(20);
    expect(getByPointer(doc, '/a/d~0e')).toBe(1);
    expect(getByPointer(doc, '/a/f%20g')).toBe(2);
    expect(getByPointer(doc, '/a/b~1c/x')).toBeUndefined();
    expect(getByPointer(doc, '/a/toString')).toBeUndefined();
  });

  it('URI-decodes a `$ref` fragment before reading it', () => {
    expect(getByRef(doc, '#/a/h%20i')).toBe(3);
    expect(getByRef(doc, '#/a/b~1c/0')).toBe(10);
    expect(getByRef(doc, 'other.yaml#/a')).toBeUndefined();
  });
});

describe('createResolver', () => {
  it('follows chains of references and stops at a cycle', () => {
    const doc = { a: { $ref: '#/b' }, b: { $ref: '#/c' }, c: { type: 'string' }, x: { $ref: '#/y' }, y: { $ref: '#/x' } };
    const resolve = createResolver(doc);
    expect(resolve({ $ref: '#/a' })).toEqual({ type: 'string' });
    expect(resolve({ $ref: '#/x' })).toEqual({ $ref: '#/x' });
    expect(resolve({ $ref: '#/nowhere' })).toEqual({ $ref: '#/nowhere' });
    expect(resolve(42)).toBe(42);
  });
});
