import fc from 'fast-check';
import type { Schema } from '../../spec/model.js';
import { plausibleString } from './plausible.js';

type Resolve = (value: unknown) => unknown;
type Json = Record<string, unknown>;

// Recursive schemas (a tree node with children) would generate forever; past this depth only required
// properties are generated and arrays stay empty.
const maxDepth = 4;

/** Merge `allOf` branches into one schema (properties and required unioned), resolving refs. */
export function flattenSchema(schema: unknown, resolve: Resolve): Json {
  const resolved = (resolve(schema) ?? {}) as Json;
  const allOf = Array.isArray(resolved['allOf']) ? (resolved['allOf'] as unknown[]) : undefined;
  if (!allOf) return resolved;
  const merged: Json = { ...resolved };
  delete merged['allOf'];
  const properties: Json = { ...((resolved['properties'] as Json | undefined) ?? {}) };
  const required = new Set<string>((resolved['required'] as string[] | undefined) ?? []);
  for (const part of allOf) {
    const flat = flattenSchema(part, resolve);
    Object.assign(properties, (flat['properties'] as Json | undefined) ?? {});
    for (const name of (flat['required'] as string[] | undefined) ?? []) required.add(name);
    for (const [key, value] of Object.entries(flat)) if (!(key in merged) && key !== 'properties' && key !== 'required') merged[key] = value;
  }
  if (Object.keys(properties).length > 0) merged['properties'] = properties;
  if (required.size > 0) merged['required'] = [...required];
  if (!merged['type'] && merged['properties']) merged['type'] = 'object';
  return merged;
}

export function schemaType(schema: Json): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') as string | undefined;
  if (schema['properties']) return 'object';
  if (schema['items']) return 'array';
  return undefined;
}

/** A fast-check arbitrary of values that satisfy the schema (best effort: formats, ranges, lengths, enums). */
export function arbitraryFor(schema: unknown, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  const s = flattenSchema(schema, resolve);
  if ('const' in s) return fc.constant(s['const']);
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return fc.constantFrom(...(s['enum'] as unknown[]));
  const alternatives = (s['oneOf'] ?? s['anyOf']) as unknown[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) return fc.oneof(...alternatives.map((alt) => arbitraryFor(alt, resolve, depth + 1)));
  switch (schemaType(s)) {
    case 'integer':
      return integerArbitrary(s);
    case 'number':
      return numberArbitrary(s);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArbitrary(s);
    case 'array': {
      const minItems = Number(s['minItems'] ?? 0);
      const maxItems = depth >= maxDepth ? minItems : Math.max(minItems, Math.min(Number(s['maxItems'] ?? 3), minItems + 3));
      // Not even built: the items of a recursive schema would build the next level, and so on forever.
      if (maxItems === 0) return fc.constant([]);
      const items = arbitraryFor(s['items'] ?? {}, resolve, depth + 1);
      return s['uniqueItems'] === true
        ? fc.uniqueArray(items, { minLength: minItems, maxLength: maxItems, selector: (v) => JSON.stringify(v) })
        : fc.array(items, { minLength: minItems, maxLength: maxItems });
    }
    case 'object': {
      const properties = (s['properties'] as Json | undefined) ?? {};
      const required = ((s['required'] as string[] | undefined) ?? []).filter((name) => name in properties);
      const keys = Object.keys(properties).filter((name) => required.includes(name) || depth < maxDepth);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const key of keys) {
        const property = flattenSchema(properties[key], resolve);
        if (property['readOnly'] === true) continue;
        model[key] = arbitraryFor(property, resolve, depth + 1);
      }
      return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
    }
    default:
      return fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 100 }), fc.boolean());
  }
}

function bound(schema: Json, key: 'minimum' | 'maximum', exclusiveKey: 'exclusiveMinimum' | 'exclusiveMaximum', step: number): number | undefined {
  const exclusive = schema[exclusiveKey];
  // OpenAPI 3.0 writes exclusiveMinimum: true beside minimum; 3.1 (JSON Schema 2020) writes the number itself.
  if (typeof exclusive === 'number') return exclusive + step;
  const value = schema[key];
  if (typeof value !== 'number') return undefined;
  return exclusive === true ? value + step : value;
}

function integerArbitrary(s: Json): fc.Arbitrary<number> {
  const min = bound(s, 'minimum', 'exclusiveMinimum', 1) ?? (s['maximum'] !== undefined ? Number(s['maximum']) - 1000 : 0);
  const max = bound(s, 'maximum', 'exclusiveMaximum', -1) ?? min + 1000;
  const multipleOf = typeof s['multipleOf'] === 'number' && s['multipleOf'] > 0 ? (s['multipleOf'] as number) : 1;
  const low = Math.ceil(min / multipleOf);
  const high = Math.floor(max / multipleOf);
  // fc.integer takes any safe integer; clamping to 32 bits emptied ranges below -2^31 and pinned those above to one value.
  const limit = Math.floor(Number.MAX_SAFE_INTEGER / multipleOf);
  const from = Math.min(Math.max(low, -limit), limit);
  return fc.integer({ min: from, max: Math.max(Math.min(high, limit), from) }).map((n) => n * multipleOf);
}

function numberArbitrary(s: Json): fc.Arbitrary<number> {
  const min = bound(s, 'minimum', 'exclusiveMinimum', 0.001) ?? 0;
  const max = bound(s, 'maximum', 'exclusiveMaximum', -0.001) ?? min + 1000;
  return fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true }).map((n) => Math.round(n * 100) / 100).filter((n) => n >= min && n <= max);
}

function stringArbitrary(s: Json): fc.Arbitrary<string> {
  const minLength = Number(s['minLength'] ?? 0);
  const maxLength = Math.max(minLength, Math.min(Number(s['maxLength'] ?? 24), minLength + 24));
  const fit = (arb: fc.Arbitrary<string>) => arb.filter((v) => v.length >= minLength && v.length <= Number(s['maxLength'] ?? Infinity));
  switch (s['format']) {
    case 'email':
      return fit(fc.emailAddress());
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'date':
      return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'uri':
    case 'url':
      return fit(fc.webUrl());
    case 'ipv4':
      return fc.ipV4();
    case 'ipv6':
      return fc.ipV6();
    case 'hostname':
      return fit(fc.domain());
    default:
      break;
  }
  if (typeof s['pattern'] === 'string') {
    try {
      return fit(fc.stringMatching(new RegExp(s['pattern'] as string)));
    } catch {
      // An invalid or unsupported pattern: fall back to plain strings.
    }
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme-ascii' });
}

/** How exampleFor shapes generated strings: the field's name, and a counter that makes each value new. */
export interface ExampleHints {
  readonly name?: string;
  readonly next?: () => number;
  readonly seed?: number;
}

/**
 * One representative value: the spec's own example, default or first enum value where it has one,
 * otherwise a generated value that an API is likely to accept (strings never empty and shaped by their
 * format, pattern and name; integers from 1 where the range allows). Spec examples come first because
 * they are what the API's authors know to work.
 */
export function exampleFor(schema: unknown, resolve: Resolve, hints: ExampleHints | number = {}, depth = 0): unknown {
  const options = typeof hints === 'number' ? { seed: hints } : hints;
  const seed = options.seed ?? 42;
  const s = flattenSchema(schema, resolve);
  if ('example' in s) return s['example'];
  if (Array.isArray(s['examples']) && s['examples'].length > 0) return s['examples'][0];
  if ('default' in s) return s['default'];
  if ('const' in s) return s['const'];
  if (Array.isArray(s['enum']) && s['enum'].length > 0) return s['enum'][0];
  const type = schemaType(s);
  if (type === 'object') {
    const properties = (s['properties'] as Json | undefined) ?? {};
    const required = new Set((s['required'] as string[] | undefined) ?? []);
    const out: Json = {};
    for (const [key, value] of Object.entries(properties)) {
      const property = flattenSchema(value, resolve);
      if (property['readOnly'] === true) continue;
      if (!required.has(key) && (depth >= maxDepth || !hasOwnExample(property))) continue;
      out[key] = exampleFor(property, resolve, { ...options, name: key }, depth + 1);
    }
    return out;
  }
  if (type === 'array') {
    const minItems = Number(s['minItems'] ?? 1);
    // An array with no minItems may be empty: that is what ends a recursive schema.
    if (depth >= maxDepth && Number(s['minItems'] ?? 0) === 0) return [];
    return Array.from({ length: Math.max(1, minItems) }, () => exampleFor(s['items'] ?? {}, resolve, options, depth + 1));
  }
  const alternatives = (s['oneOf'] ?? s['anyOf']) as unknown[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) return exampleFor(alternatives[0], resolve, options, depth + 1);
  if (type === 'string') return plausibleString(s, options.name, options.next?.() ?? seed);
  if (type === 'integer') return smallIntegerIn(s);
  return fc.sample(arbitraryFor(s, resolve, depth), { seed, numRuns: 1 })[0];
}

// 1 where the range allows (ids start there; a quantity of 1 is valid), else the lowest allowed value.
function smallIntegerIn(s: Json): number {
  const min = bound(s, 'minimum', 'exclusiveMinimum', 1);
  const max = bound(s, 'maximum', 'exclusiveMaximum', -1);
  const step = typeof s['multipleOf'] === 'number' && s['multipleOf'] > 0 ? (s['multipleOf'] as number) : 1;
  let value = Math.ceil(Math.max(min ?? 1, 1) / step) * step;
  if (max !== undefined && value > max) value = Math.ceil((min ?? max) / step) * step;
  return value;
}

function hasOwnExample(schema: Json): boolean {
  return 'example' in schema || 'default' in schema || (Array.isArray(schema['examples']) && schema['examples'].length > 0);
}

export type { Schema };
