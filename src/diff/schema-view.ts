import { escapePointerSegment } from '../spec/values.js';
import { followRefs, type Located } from './pointer.js';

/**
 * A schema as the diff compares it: `$ref`s followed and `allOf` flattened into one set of keywords,
 * properties and required names. Flattening makes a schema that was split into `allOf: [Base, {...}]`
 * compare equal to the same fields written inline, which is what a client sees on the wire.
 */
export interface SchemaView {
  /** Pointer of the (resolved) schema object. */
  readonly pointer: string;
  /** Keywords, each from the first place that defines it (own keywords first, then allOf members in order). */
  readonly schema: Readonly<Record<string, unknown>>;
  /** Keyword → pointer of the object that wrote it. */
  readonly origin: ReadonlyMap<string, string>;
  readonly properties: ReadonlyMap<string, Located>;
  readonly required: ReadonlySet<string>;
}

const maxAllOfDepth = 32;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Views of one schema object are asked for again and again (every operation that uses a component).
const views = new WeakMap<object, SchemaView>();

export function schemaView(document: unknown, located: Located): SchemaView | undefined {
  const root = followRefs(document, located);
  if (!isObject(root.value)) return undefined;
  const known = views.get(root.value);
  if (known && known.pointer === root.pointer) return known;
  const view = buildView(document, root);
  views.set(root.value, view);
  return view;
}

function buildView(document: unknown, root: Located): SchemaView {
  const schema: Record<string, unknown> = {};
  const origin = new Map<string, string>();
  const properties = new Map<string, Located>();
  const required = new Set<string>();
  const seen = new Set<string>([root.pointer]);
  const visit = (node: Located, depth: number): void => {
    const value = node.value as Record<string, unknown>;
    for (const [key, keywordValue] of Object.entries(value)) {
      if (key === 'allOf' || key === 'properties' || key === 'required' || key in schema) continue;
      schema[key] = keywordValue;
      origin.set(key, node.pointer);
    }
    const ownProperties = isObject(value['properties']) ? value['properties'] : {};
    for (const [name, property] of Object.entries(ownProperties)) {
      if (!properties.has(name)) properties.set(name, { value: property, pointer: `${node.pointer}/properties/${escapePointerSegment(name)}` });
    }
    if (Array.isArray(value['required'])) for (const name of value['required']) if (typeof name === 'string') required.add(name);
    if (!Array.isArray(value['allOf']) || depth >= maxAllOfDepth) return;
    value['allOf'].forEach((member, index) => {
      const resolved = followRefs(document, { value: member, pointer: `${node.pointer}/allOf/${index}` });
      if (!isObject(resolved.value) || seen.has(resolved.pointer)) return;
      seen.add(resolved.pointer);
      visit(resolved, depth + 1);
    });
  };
  visit(root, 0);
  return { pointer: root.pointer, schema, origin, properties, required };
}

/** Pointer of a keyword where it is written, or of the schema when the keyword is absent. */
export function keywordPointer(view: SchemaView, keyword: string): string {
  const from = view.origin.get(keyword);
  return from !== undefined ? `${from}/${keyword}` : view.pointer;
}

/** The JSON types a schema allows, `null` aside; undefined when it does not say (any type). */
export function typesOf(schema: Readonly<Record<string, unknown>>): Set<string> | undefined {
  const raw = schema['type'];
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : [];
  const types = new Set(list.filter((t) => t !== 'null'));
  return types.size > 0 ? types : undefined;
}

/** OpenAPI 3.0 `nullable`, Swagger's `x-nullable`, 3.1 `type: [..., 'null']`, or a `{type: 'null'}` variant. */
export function isNullable(document: unknown, view: SchemaView): boolean {
  const { schema } = view;
  if (schema['nullable'] === true || schema['x-nullable'] === true) return true;
  if (Array.isArray(schema['type']) && schema['type'].includes('null')) return true;
  for (const keyword of ['oneOf', 'anyOf']) {
    const variants = schema[keyword];
    if (!Array.isArray(variants)) continue;
    if (variants.some((v) => isNullSchema(followRefs(document, { value: v, pointer: '' }).value))) return true;
  }
  return false;
}

export function isNullSchema(value: unknown): boolean {
  return isObject(value) && value['type'] === 'null' && Object.keys(value).every((k) => k === 'type' || k === 'description' || k === 'title');
}

/** True when every value of one of `inner` types is also a value of `outer` (integer is a number). */
export function typesWithin(inner: ReadonlySet<string>, outer: ReadonlySet<string>): boolean {
  return [...inner].every((t) => outer.has(t) || (t === 'integer' && outer.has('number')));
}

export function isFlag(schema: Readonly<Record<string, unknown>>, keyword: string): boolean {
  return schema[keyword] === true;
}

export function asObject(value: unknown): Record<string, unknown> | undefined {
  return isObject(value) ? value : undefined;
}
