/**
 * What the values seen at one place (a body, a field, a query parameter) had in common: a running,
 * bounded summary that turns into a JSON Schema once the traffic is read. Two shapes merge, so samples
 * grouped apart (a path templated late) still end in one schema.
 */
export interface Shape {
  /** Values seen here, nulls included. For a property: how many objects had it. */
  count: number;
  nulls: number;
  booleans: number;
  integers: number;
  /** Numbers with a fraction. */
  fractions: number;
  strings?: StringStats;
  arrays?: { count: number; items: Shape };
  objects?: { count: number; properties: Map<string, Shape>; isCapped: boolean };
}

interface StringStats {
  count: number;
  /** The format every string here had; null once two differed or one had none. */
  format: string | null | undefined;
  /** Distinct values while few; undefined once there were too many to be a closed set. */
  values: Map<string, number> | undefined;
  maxLength: number;
}

const maxDepth = 10;
const maxProperties = 200;
const maxItemsPerArray = 50;
const maxEnumValues = 6;

export function emptyShape(): Shape {
  return { count: 0, nulls: 0, booleans: 0, integers: 0, fractions: 0 };
}

const formats: readonly (readonly [string, RegExp])[] = [
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['date-time', /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/],
  ['date', /^\d{4}-\d{2}-\d{2}$/],
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ['uri', /^https?:\/\/[^\s]+$/],
];

export function formatOf(value: string): string | null {
  for (const [name, pattern] of formats) if (pattern.test(value)) return name;
  return null;
}

/** Add one value (parsed JSON, or a query value already typed by `typedScalar`). */
export function addValue(shape: Shape, value: unknown, depth = 0): void {
  shape.count += 1;
  if (value === null || value === undefined) shape.nulls += 1;
  else if (typeof value === 'boolean') shape.booleans += 1;
  else if (typeof value === 'number') {
    if (Number.isInteger(value)) shape.integers += 1;
    else shape.fractions += 1;
  } else if (typeof value === 'string') addString(shape, value);
  else if (Array.isArray(value)) {
    shape.arrays ??= { count: 0, items: emptyShape() };
    shape.arrays.count += 1;
    if (depth >= maxDepth) return;
    for (const item of value.slice(0, maxItemsPerArray)) addValue(shape.arrays.items, item, depth + 1);
  } else if (typeof value === 'object') {
    shape.objects ??= { count: 0, properties: new Map(), isCapped: false };
    const objects = shape.objects;
    objects.count += 1;
    if (depth >= maxDepth) return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      let property = objects.properties.get(key);
      if (!property) {
        if (objects.properties.size >= maxProperties) {
          objects.isCapped = true;
          continue;
        }
        objects.properties.set(key, (property = emptyShape()));
      }
      addValue(property, child, depth + 1);
    }
  }
}

function addString(shape: Shape, value: string): void {
  const stats = (shape.strings ??= { count: 0, format: undefined, values: new Map(), maxLength: 0 });
  stats.count += 1;
  stats.maxLength = Math.max(stats.maxLength, value.length);
  if (stats.format !== null) {
    const format = formatOf(value);
    stats.format = stats.format === undefined || stats.format === format ? format : null;
  }
  if (stats.values) {
    stats.values.set(value, (stats.values.get(value) ?? 0) + 1);
    if (stats.values.size > maxEnumValues) stats.values = undefined;
  }
}

/** A query or path value as the type it most likely has: '42' → 42, 'true' → true, else the string. */
export function typedScalar(text: string): string | number | boolean {
  if (/^-?(0|[1-9]\d{0,14})$/.test(text)) return Number(text);
  if (/^-?(0|[1-9]\d{0,14})\.\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

/** Fold `from` into `into`. */
export function mergeShape(into: Shape, from: Shape): void {
  into.count += from.count;
  into.nulls += from.nulls;
  into.booleans += from.booleans;
  into.integers += from.integers;
  into.fractions += from.fractions;
  if (from.strings) {
    const a = into.strings;
    const b = from.strings;
    if (!a) into.strings = { ...b, values: b.values ? new Map(b.values) : undefined };
    else {
      a.count += b.count;
      a.maxLength = Math.max(a.maxLength, b.maxLength);
      a.format = a.format === undefined ? b.format : b.format === undefined || a.format === b.format ? a.format : null;
      if (a.values && b.values) {
        for (const [value, n] of b.values) a.values.set(value, (a.values.get(value) ?? 0) + n);
        if (a.values.size > maxEnumValues) a.values = undefined;
      } else a.values = undefined;
    }
  }
  if (from.arrays) {
    into.arrays ??= { count: 0, items: emptyShape() };
    into.arrays.count += from.arrays.count;
    mergeShape(into.arrays.items, from.arrays.items);
  }
  if (from.objects) {
    into.objects ??= { count: 0, properties: new Map(), isCapped: false };
    into.objects.count += from.objects.count;
    into.objects.isCapped ||= from.objects.isCapped;
    for (const [key, child] of from.objects.properties) {
      const existing = into.objects.properties.get(key);
      if (existing) mergeShape(existing, child);
      else if (into.objects.properties.size < maxProperties) {
        const copy = emptyShape();
        mergeShape(copy, child);
        into.objects.properties.set(key, copy);
      } else into.objects.isCapped = true;
    }
  }
}

// Names whose values identify or describe one thing: never a closed set, however few were seen.
const openEndedName = /(^|_)(id|key|name|title|description|email|url|uri|token|slug|sku|code|password|note|comment|message|text)$|Id$|Name$/i;

/** Where the schema leaves a guess, for the terminal summary. */
export interface SchemaNotes {
  readonly uncertain: string[];
  /** List every value of a small set as an enum however rarely seen (for comparing with a published enum). */
  readonly isListingValues?: boolean;
}

/**
 * The JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) of everything seen here: types (with 'null' for
 * nullable), `required` for properties every object had, a `format` every string had, an `enum` for a
 * small closed set seen often enough to trust, `items` for arrays.
 */
export function toSchema(shape: Shape, name = '', notes?: SchemaNotes, where = ''): Record<string, unknown> {
  const types: string[] = [];
  const schema: Record<string, unknown> = {};
  if (shape.objects) {
    types.push('object');
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const [key, child] of shape.objects.properties) {
      properties[key] = toSchema(child, key, notes, where ? `${where}.${key}` : key);
      if (child.count >= shape.objects.count) required.push(key);
    }
    if (Object.keys(properties).length > 0) schema['properties'] = properties;
    if (required.length > 0) schema['required'] = required;
    if (shape.objects.isCapped) notes?.uncertain.push(`${where || 'body'}: more than ${maxProperties} properties, the rest left out`);
  }
  if (shape.arrays) {
    types.push('array');
    const items = shape.arrays.items;
    schema['items'] = items.count > 0 ? toSchema(items, name, notes, `${where}[]`) : {};
    if (items.count === 0) notes?.uncertain.push(`${where || 'body'}: only empty arrays seen, item type unknown`);
  }
  if (shape.strings) {
    types.push('string');
    const stats = shape.strings;
    if (stats.format) schema['format'] = stats.format;
    // Three sightings per value at least, so an enum is a pattern and not the first few records.
    else if (stats.values && (notes?.isListingValues || (stats.values.size >= 2 && stats.count >= 3 * stats.values.size && stats.maxLength <= 32 && !openEndedName.test(name)))) {
      schema['enum'] = [...stats.values.keys()].sort();
    }
  }
  if (shape.integers > 0 || shape.fractions > 0) types.push(shape.fractions > 0 ? 'number' : 'integer');
  if (shape.booleans > 0) types.push('boolean');
  if (shape.nulls > 0) types.push('null');
  if (types.length === 1) schema['type'] = types[0];
  else if (types.length > 1) schema['type'] = types;
  if (Array.isArray(schema['enum']) && shape.nulls > 0) (schema['enum'] as unknown[]).push(null);
  return Object.fromEntries(Object.entries(schema).sort(([a], [b]) => keyOrder(a) - keyOrder(b)));
}

const keyOrderList = ['type', 'format', 'enum', 'properties', 'required', 'items'];
function keyOrder(key: string): number {
  const index = keyOrderList.indexOf(key);
  return index === -1 ? keyOrderList.length : index;
}
