import { FaultlineError, type ErrorLocation } from '../core/errors.js';
import { toPointer } from '../core/location.js';
import { decodeFragment, splitPointer } from './values.js';

export interface RefSite {
  /** The `$ref` value as written. */
  readonly ref: string;
  /** Pointer of the object that holds the `$ref`. */
  readonly pointer: string;
}

/**
 * Walk the whole document once, iteratively (a recursive walk overflows the stack on deep specs),
 * and collect every `$ref` with where it was written. Example and other literal values are data, not
 * description: GitHub's examples hold `{"$ref": "server-statistics-actions.yaml"}` as sample payloads.
 */
export function collectRefs(document: unknown): RefSite[] {
  const sites: RefSite[] = [];
  const stack: { value: unknown; pointer: string; key: string; parentKey: string }[] = [];
  if (document !== null && typeof document === 'object') stack.push({ value: document, pointer: '', key: '', parentKey: '' });
  while (stack.length > 0) {
    const { value, pointer, key: ownKey, parentKey } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item = value[i];
        if (item !== null && typeof item === 'object') stack.push({ value: item, pointer: `${pointer}/${i}`, key: String(i), parentKey: ownKey });
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string') sites.push({ ref, pointer });
    const isNamedMap = namedMaps.has(ownKey);
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (child === null || typeof child !== 'object') continue;
      if (!isNamedMap && isLiteral(key, child, parentKey)) continue;
      stack.push({ value: child, pointer: `${pointer}/${escapeSegment(key)}`, key, parentKey: ownKey });
    }
  }
  return sites;
}

// Keywords whose values are data (OpenAPI `example`, JSON Schema `default`, `enum`, `const`).
const literalKeys = new Set(['example', 'default', 'enum', 'const']);
// Maps whose keys the author chose: there a property or a response may well be called `example` or `default`.
const namedMaps = new Set([
  'properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'schemas', 'parameters', 'responses', 'examples',
  'requestBodies', 'headers', 'securitySchemes', 'securityDefinitions', 'links', 'callbacks', 'pathItems', 'paths', 'webhooks', 'content',
  'variables', 'encoding', 'mapping', 'scopes',
]);

function isLiteral(key: string, child: unknown, parentKey: string): boolean {
  if (literalKeys.has(key)) return true;
  // JSON Schema 2020-12 `examples` is an array of values; OpenAPI's is a map of Example Objects whose `value` is data.
  if (key === 'examples' && Array.isArray(child)) return true;
  return key === 'value' && parentKey === 'examples';
}

function escapeSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

/** Look a plain JSON pointer up in a document; undefined when any segment is missing. */
export function getByPointer(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const segment of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(segment) ? node[Number(segment)] : undefined;
    else node = Object.prototype.hasOwnProperty.call(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

export function isRef(value: unknown): value is { $ref: string } {
  return value !== null && typeof value === 'object' && typeof (value as { $ref?: unknown }).$ref === 'string';
}

/** Look up the target of a local `$ref` ('#/components/schemas/A%20B'); undefined when it leads nowhere. */
export function getByRef(document: unknown, ref: string): unknown {
  return ref.startsWith('#') ? getByPointer(document, decodeFragment(ref.slice(1))) : undefined;
}

/** Local resolver with memoised lookups; a cycle of pure references stops where it repeats. */
export function createResolver(document: unknown): (value: unknown) => unknown {
  const cache = new Map<string, unknown>();
  const lookup = (ref: string): unknown => {
    if (cache.has(ref)) return cache.get(ref);
    const target = getByRef(document, ref);
    cache.set(ref, target);
    return target;
  };
  return (value: unknown) => {
    let current = value;
    const seen = new Set<string>();
    while (isRef(current)) {
      const ref = current.$ref;
      if (seen.has(ref)) return current;
      seen.add(ref);
      const target = lookup(ref);
      if (target === undefined) return current;
      current = target;
    }
    return current;
  };
}

/** Thrown for a `$ref` that structure depends on (a parameter, a response, a path item) and that leads nowhere. */
export function unresolvedRef(ref: string, location: ErrorLocation, reason?: string): FaultlineError {
  return new FaultlineError('E_REF_UNRESOLVED', `$ref '${ref}' leads nowhere${reason ? ` (${reason})` : ''}`, { location });
}

export const externalMountKey = 'x-faultline-external';

export function mountPointer(mountName: string, innerPointer: string): string {
  return toPointer([externalMountKey, mountName]) + innerPointer;
}
