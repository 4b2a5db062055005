import { describe, expect, it } from 'vitest';
import { shapeProblem } from './example-shape.js';

const components: Record<string, unknown> = {
  Node: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/Node' } } } },
};
const resolve = (value: unknown): unknown => {
  const ref = (value as { $ref?: string } | null)?.$ref;
  return ref ? components[ref.slice(2)] : value;
};

describe('shapeProblem', () => {
  it('names wrong types, missing required properties, enums and forbidden extras with their path', () => {
    expect(shapeProblem({ type: 'integer' }, 'x', resolve)).toBe('body is string, the schema says integer');
    expect(shapeProblem({ $ref: '#/Node' }, { children: [{ name: 'a' }] }, resolve)).toBe("body lacks the required property 'name'");
    expect(shapeProblem({ $ref: '#/Node' }, { name: 'r', children: [{ name: 1 }] }, resolve)).toBe('/children/0/name is integer, the schema says string');
    expect(shapeProblem({ enum: ['a', 'b'] }, 'c', resolve)).toBe('body is not one of "a", "b"');
    expect(shapeProblem({ type: 'object', additionalProperties: false, properties: {} }, { x: 1 }, resolve)).toBe("body has 'x', which the schema does not allow");
    expect(shapeProblem({ oneOf: [{ type: 'string' }, { type: 'integer' }] }, true, resolve)).toBe('body matches none of its 2 alternatives');
  });

  it('accepts what fits: nullable, integer as number, allOf, a matching oneOf branch, recursion', () => {
    expect(shapeProblem({ type: 'string', nullable: true }, null, resolve)).toBeNull();
    expect(shapeProblem({ type: ['string', 'null'] }, null, resolve)).toBeNull();
    expect(shapeProblem({ type: 'number' }, 3, resolve)).toBeNull();
    expect(shapeProblem({ allOf: [{ required: ['a'] }, { properties: { a: { type: 'string' } } }] }, { a: 'x' }, resolve)).toBeNull();
    expect(shapeProblem({ oneOf: [{ type: 'string' }, { type: 'integer' }] }, 3, resolve)).toBeNull();
    expect(shapeProblem({ $ref: '#/Node' }, { name: 'r', children: [{ name: 'a', children: [] }] }, resolve)).toBeNull();
  });
});
