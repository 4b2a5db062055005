import type { Operation, SpecModel } from '../../spec/model.js';
import { asRecord, child, decodeFragment, splitPointer, type Json } from '../../spec/values.js';

/** A schema object and the JSON pointer where it is written. */
export interface SchemaSite {
  readonly schema: Json;
  readonly pointer: string;
}

/** A schema a client sends, with the first operation that sends it. */
export interface RequestSchemaSite extends SchemaSite {
  readonly operation: Operation;
  /** 'query parameter 'q'', 'request body (application/json)' — for sentences. */
  readonly where: string;
}

// Keys under which a schema holds other schemas; arrays of schemas and maps of schemas are told apart.
const singleKeys = ['additionalProperties', 'items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems'];
const listKeys = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const mapKeys = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'];
// Deep enough for any hand-written schema; stops pathological nesting.
const maxDepth = 64;

/** The value at a JSON pointer of the document, or undefined. */
export function nodeAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const segment of splitPointer(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else {
      const record = asRecord(node);
      if (!record) return undefined;
      node = record[segment];
    }
  }
  return node;
}

/** The pointer a local `$ref` names ('#/components/schemas/User' → '/components/schemas/User'), or undefined. */
export function refPointer(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  return decodeFragment(ref.slice(1));
}

/** The schemas directly inside one schema, with their pointers. */
export function* subschemas(schema: Json, pointer: string): Generator<SchemaSite> {
  for (const key of singleKeys) {
    const value = schema[key];
    if (key === 'items' && Array.isArray(value)) {
      for (const [i, item] of value.entries()) if (asRecord(item)) yield { schema: item as Json, pointer: child(child(pointer, key), i) };
      continue;
    }
    if (asRecord(value)) yield { schema: value as Json, pointer: child(pointer, key) };
  }
  for (const key of listKeys) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    for (const [i, item] of list.entries()) if (asRecord(item)) yield { schema: item as Json, pointer: child(child(pointer, key), i) };
  }
  for (const key of mapKeys) {
    const map = asRecord(schema[key]);
    if (!map) continue;
    for (const [name, item] of Object.entries(map)) if (asRecord(item)) yield { schema: item as Json, pointer: child(child(pointer, key), name) };
  }
}

/** A schema and every schema written inside it, each with its pointer; `$ref`s are yielded, not followed. */
export function* schemaTree(root: SchemaSite, depth = 0): Generator<SchemaSite> {
  yield root;
  if (depth >= maxDepth || typeof root.schema['$ref'] === 'string') return;
  for (const sub of subschemas(root.schema, root.pointer)) yield* schemaTree(sub, depth + 1);
}

// Outside schemas, these keys hold data or documentation, never schemas.
const skippedKeys = new Set(['example', 'examples', 'enum', 'default', 'const', 'description', 'info', 'tags', 'externalDocs', 'security', 'servers', 'securitySchemes', 'securityDefinitions', 'links']);

/**
 * Every schema written anywhere in the document (components, definitions, parameters, bodies, responses,
 * headers, webhooks, callbacks), each once, at the pointer where it is written. `$ref`s are not followed, so
 * a shared schema is visited once, in its component.
 */
export function* documentSchemas(spec: SpecModel): Generator<SchemaSite> {
  const seen = new Set<string>();
  const roots: SchemaSite[] = [];
  const visit = (node: unknown, pointer: string, depth: number): void => {
    if (depth > maxDepth) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, child(pointer, i), depth + 1));
      return;
    }
    const record = asRecord(node);
    if (!record) return;
    for (const [key, value] of Object.entries(record)) {
      if (key.startsWith('x-') || skippedKeys.has(key)) continue;
      const at = child(pointer, key);
      const isSchemaMap = (pointer === '/components' && key === 'schemas') || (pointer === '' && key === 'definitions');
      if (isSchemaMap) {
        for (const [name, schema] of Object.entries(asRecord(value) ?? {})) if (asRecord(schema)) roots.push({ schema: schema as Json, pointer: child(at, name) });
      } else if (key === 'schema' && asRecord(value)) {
        roots.push({ schema: value as Json, pointer: at });
      } else {
        visit(value, at, depth + 1);
      }
    }
  };
  visit(spec.document, '', 0);
  for (const root of roots) {
    for (const site of schemaTree(root)) {
      if (seen.has(site.pointer)) continue;
      seen.add(site.pointer);
      yield site;
    }
  }
}

/** The pointer of the schema of a parameter or media type written at `pointer` (2.0 keeps it inline). */
function schemaPointer(spec: SpecModel, pointer: string): string {
  const node = asRecord(nodeAt(spec.document, pointer));
  return node && asRecord(node['schema']) ? child(pointer, 'schema') : pointer;
}

/**
 * Every schema that describes what clients send (parameters and request bodies), `$ref`s followed, each
 * schema once at the pointer where it is written, with the first operation that sends it. Properties
 * marked `readOnly` are left out: clients do not send them.
 */
export function* requestSchemas(spec: SpecModel): Generator<RequestSchemaSite> {
  const seen = new Set<string>();
  function* follow(site: SchemaSite, operation: Operation, where: string, depth: number): Generator<RequestSchemaSite> {
    if (depth > maxDepth) return;
    let current = site;
    // Follow a chain of references to the schema that holds the keywords.
    for (let hops = 0; hops < 8 && typeof current.schema['$ref'] === 'string'; hops++) {
      const target = refPointer(current.schema['$ref']);
      const schema = target === undefined ? undefined : asRecord(nodeAt(spec.document, target));
      if (!schema || target === undefined) return;
      current = { schema, pointer: target };
    }
    if (seen.has(current.pointer)) return;
    seen.add(current.pointer);
    if (current.schema['readOnly'] === true) return;
    yield { ...current, operation, where };
    for (const sub of subschemas(current.schema, current.pointer)) yield* follow(sub, operation, where, depth + 1);
  }
  for (const op of spec.operations) {
    for (const param of op.parameters) {
      if (!param.schema) continue;
      const pointer = schemaPointer(spec, param.pointer);
      const raw = asRecord(nodeAt(spec.document, pointer)) ?? param.schema;
      yield* follow({ schema: raw, pointer }, op, `${param.in} parameter '${param.name}'`, 0);
    }
    for (const media of op.requestBody?.content ?? []) {
      if (!media.schema) continue;
      const pointer = schemaPointer(spec, media.pointer);
      const raw = asRecord(nodeAt(spec.document, pointer)) ?? media.schema;
      yield* follow({ schema: raw, pointer }, op, `request body (${media.mediaType})`, 0);
    }
  }
}

/** The type names a schema allows (`type: [string, 'null']` and 3.0's `nullable` both count). */
export function typesOf(schema: Json): string[] {
  const type = schema['type'];
  const types = Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
  if (schema['nullable'] === true && !types.includes('null')) types.push('null');
  return types;
}

/**
 * Every object in the document with its pointer, depth-first and bounded; keys for which `skip` is true
 * are not descended into (examples and enums hold data, not description).
 */
export function* documentObjects(document: unknown, skip: (key: string) => boolean): Generator<{ readonly record: Json; readonly pointer: string }> {
  const stack: { node: unknown; pointer: string; depth: number }[] = [{ node: document, pointer: '', depth: 0 }];
  while (stack.length > 0) {
    const { node, pointer, depth } = stack.pop()!;
    if (depth > 80) continue;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push({ node: item, pointer: child(pointer, i), depth: depth + 1 }));
      continue;
    }
    const record = asRecord(node);
    if (!record) continue;
    yield { record, pointer };
    for (const [key, value] of Object.entries(record)) if (!skip(key)) stack.push({ node: value, pointer: child(pointer, key), depth: depth + 1 });
  }
}

/** Keys that hold data or vendor extensions: nothing under them is part of the description's structure. */
export function isDataKey(key: string): boolean {
  return key.startsWith('x-') || key === 'example' || key === 'examples' || key === 'enum' || key === 'default';
}
