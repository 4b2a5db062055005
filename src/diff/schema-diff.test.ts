import { describe, expect, it } from 'vitest';
import { diffSchemas, type SchemaChange } from './schema-diff.js';

type Doc = Record<string, unknown>;

// Both sides start from a `$ref` to components/schemas/Root, as a media type's schema would.
function diff(oldDoc: Doc, newDoc: Doc, direction: 'request' | 'response' = 'response'): readonly SchemaChange[] {
  const root = { value: { $ref: '#/components/schemas/Root' }, pointer: '/paths/~1x/get/schema' };
  return diffSchemas({ oldDocument: oldDoc, newDocument: newDoc, direction, cache: new Map() }, root, root);
}

const schemas = (defs: Doc): Doc => ({ components: { schemas: defs } });

describe('diffSchemas', () => {
  it('ends on a recursive schema and still sees a change inside it', () => {
    const node = (extra: Doc) => ({ type: 'object', properties: { name: { type: 'string', ...extra }, children: { type: 'array', items: { $ref: '#/components/schemas/Root' } } } });
    const changes = diff(schemas({ Root: node({}) }), schemas({ Root: node({ maxLength: 5 }) }));
    expect(changes.map((c) => [c.kind, c.path, c.keyword])).toEqual([['constraint-changed', 'name', 'maxLength']]);
  });

  it('compares allOf members as one flattened object, so splitting a schema changes nothing', () => {
    const inline = { type: 'object', required: ['id'], properties: { id: { type: 'string' }, name: { type: 'string' } } };
    const split = { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { name: { type: 'string' } } }] };
    const base = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
    expect(diff(schemas({ Root: inline }), schemas({ Root: split, Base: base }))).toEqual([]);
  });

  it('names nested places with dots, [] for array items and {} for additionalProperties', () => {
    const before = { type: 'object', properties: { tags: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } } } }, labels: { type: 'object', additionalProperties: { type: 'string' } } } };
    const after = { type: 'object', properties: { tags: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } }, labels: { type: 'object', additionalProperties: { type: 'integer' } } } };
    const paths = diff(schemas({ Root: before }), schemas({ Root: after })).map((c) => `${c.kind} ${c.path}`);
    expect(paths).toEqual(['type-changed tags[].id', 'type-changed labels{}']);
  });

  it('re-anchors a cached component comparison under each place that uses it', () => {
    const user = (type: string) => ({ type: 'object', properties: { id: { type } } });
    const root = { type: 'object', properties: { author: { $ref: '#/components/schemas/User' }, editor: { $ref: '#/components/schemas/User' } } };
    const changes = diff(schemas({ Root: root, User: user('integer') }), schemas({ Root: root, User: user('string') }));
    expect(changes.map((c) => c.path)).toEqual(['author.id', 'editor.id']);
    expect(changes[0]!.oldPointer).toBe('/components/schemas/User/properties/id/type');
  });

  it('pairs tagged oneOf variants by their single-valued property, not their position', () => {
    const variant = (tag: string, extra: Doc = {}) => ({ type: 'object', properties: { type: { type: 'string', enum: [tag] }, ...extra } });
    const before = { oneOf: [variant('push'), variant('merge')] };
    const after = { oneOf: [variant('merge'), variant('tag'), variant('push')] };
    const changes = diff(schemas({ Root: before }), schemas({ Root: after }));
    expect(changes.map((c) => [c.kind, c.new])).toEqual([['variant-added', 'type=tag']]);
  });

  it('pairs untitled inline variants by their shape before their position', () => {
    const before = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object', properties: { labels: { type: 'array' } } }] };
    const after = { oneOf: [{ type: 'object', properties: { labels: { type: 'array' } } }, { type: 'string' }] };
    const changes = diff(schemas({ Root: before }), schemas({ Root: after }));
    expect(changes.map((c) => [c.kind, c.old])).toEqual([['variant-removed', 'oneOf[1]: array of string']]);
  });

  it('skips readOnly properties in requests and writeOnly properties in responses', () => {
    const before = { type: 'object', properties: {} };
    const after = { type: 'object', required: ['id', 'secret'], properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true } } };
    expect(diff(schemas({ Root: before }), schemas({ Root: after }), 'request').map((c) => c.path)).toEqual(['secret']);
    expect(diff(schemas({ Root: before }), schemas({ Root: after }), 'response').map((c) => c.path)).toEqual(['id']);
  });

  it('stops at an incompatible type instead of listing every field of the new shape', () => {
    const changes = diff(schemas({ Root: { type: 'string' } }), schemas({ Root: { type: 'object', properties: { a: { type: 'string' } } } }));
    expect(changes.map((c) => [c.kind, c.relation])).toEqual([['type-changed', 'incompatible']]);
  });

  it('reads nullability from nullable, type arrays and a null variant alike', () => {
    const asNullable = diff(schemas({ Root: { type: 'string', nullable: true } }), schemas({ Root: { type: ['string', 'null'] } }));
    const asVariant = diff(schemas({ Root: { type: 'string', nullable: true } }), schemas({ Root: { anyOf: [{ type: 'string' }, { type: 'null' }] } }));
    expect(asNullable).toEqual([]);
    expect(asVariant.filter((c) => c.kind.startsWith('nullable'))).toEqual([]);
  });
});
