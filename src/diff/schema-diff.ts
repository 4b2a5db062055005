import { followRefs, type Located } from './pointer.js';
import { asObject, isFlag, isNullSchema, isNullable, keywordPointer, schemaView, typesOf, typesWithin, type SchemaView } from './schema-view.js';
import { extensionsOfRaw, sunsetOf, type Sunset } from './sunset.js';
import { compareBounds, compareFormat, type Relation } from './schema-bounds.js';

export type { Relation } from './schema-bounds.js';

/**
 * What changed in a schema, said without a direction: "narrowed" means fewer values are valid in NEW,
 * "widened" more. The checks decide what that means: narrowing breaks requests, widening breaks responses.
 */
export type SchemaChangeKind =
  | 'type-changed'
  | 'format-changed'
  | 'nullable-added'
  | 'nullable-removed'
  | 'enum-added'
  | 'enum-removed'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'constraint-changed'
  | 'default-changed'
  | 'discriminator-changed'
  | 'additional-properties-changed'
  | 'variant-added'
  | 'variant-removed'
  | 'property-added'
  | 'property-removed'
  | 'property-became-required'
  | 'property-became-optional'
  | 'property-deprecated';

export interface SchemaChange {
  readonly kind: SchemaChangeKind;
  /** Where in the value: '' for the value itself, 'owner.login', 'labels[].name', 'metadata{}' (additionalProperties). */
  readonly path: string;
  readonly oldPointer?: string;
  readonly newPointer?: string;
  /** For a removed element: where in NEW it used to hang (the object that lost a property). */
  readonly anchor?: string;
  readonly old?: unknown;
  readonly new?: unknown;
  /** Constraint keyword ('maxLength'), or 'oneOf'/'anyOf' for variants. */
  readonly keyword?: string;
  /** For type, format, constraint and additionalProperties changes. */
  readonly relation?: Relation;
  /** Removed properties: OLD marked it deprecated, and when it said it would go. */
  readonly isDeprecated?: boolean;
  readonly sunset?: Sunset;
  /** Added or removed properties: whether the object required it. */
  readonly isRequired?: boolean;
}

export type Direction = 'request' | 'response';

/** Shared across one run: the same pair of component schemas is compared once per direction. */
export type SchemaDiffCache = Map<string, readonly SchemaChange[]>;

export interface SchemaDiffInput {
  readonly oldDocument: unknown;
  readonly newDocument: unknown;
  readonly direction: Direction;
  readonly cache: SchemaDiffCache;
}

const none: readonly SchemaChange[] = [];
const maxDepth = 64;

/**
 * Compare two schemas and list what changed, following `$ref`s on both sides. A pair already being
 * compared higher up (a recursive schema) counts as unchanged there, so cycles end. Results for schemas
 * outside `paths` (components) are cached with paths relative to the schema and re-anchored on reuse.
 */
export function diffSchemas(input: SchemaDiffInput, oldSchema: Located, newSchema: Located): readonly SchemaChange[] {
  return new SchemaWalker(input).compare(oldSchema, newSchema, '', 0);
}

class SchemaWalker {
  private readonly inProgress = new Set<string>();

  constructor(private readonly input: SchemaDiffInput) {}

  compare(oldSchema: Located, newSchema: Located, path: string, depth: number): readonly SchemaChange[] {
    if (depth > maxDepth) return none;
    const o = followRefs(this.input.oldDocument, oldSchema);
    const n = followRefs(this.input.newDocument, newSchema);
    const key = `${this.input.direction}\u0000${o.pointer}\u0000${n.pointer}`;
    const isShared = !o.pointer.startsWith('/paths/') && !n.pointer.startsWith('/paths/');
    let relative = isShared ? this.input.cache.get(key) : undefined;
    if (relative === undefined) {
      if (this.inProgress.has(key)) return none;
      this.inProgress.add(key);
      relative = this.compareResolved(o, n, depth);
      this.inProgress.delete(key);
      if (isShared) this.input.cache.set(key, relative);
    }
    return path === '' || relative.length === 0 ? relative : relative.map((c) => ({ ...c, path: joinPath(path, c.path) }));
  }

  private compareResolved(oldSchema: Located, newSchema: Located, depth: number): readonly SchemaChange[] {
    const { oldDocument, newDocument } = this.input;
    const o = schemaView(oldDocument, oldSchema);
    const n = schemaView(newDocument, newSchema);
    if (!o || !n) return none;
    const changes: SchemaChange[] = [];
    const at = (keyword: string) => ({ oldPointer: keywordPointer(o, keyword), newPointer: keywordPointer(n, keyword) });
    const oldTypes = typesOf(o.schema);
    const newTypes = typesOf(n.schema);
    if (oldTypes && newTypes && !sameSet(oldTypes, newTypes)) {
      const relation: Relation = typesWithin(oldTypes, newTypes) ? 'widened' : typesWithin(newTypes, oldTypes) ? 'narrowed' : 'incompatible';
      changes.push({ kind: 'type-changed', path: '', ...at('type'), old: [...oldTypes], new: [...newTypes], relation });
      // Past an incompatible type (string → object) a field-by-field comparison says nothing more.
      if (relation === 'incompatible') return changes;
    }
    const wasNullable = isNullable(oldDocument, o);
    const isNowNullable = isNullable(newDocument, n);
    if (wasNullable !== isNowNullable) changes.push({ kind: isNowNullable ? 'nullable-added' : 'nullable-removed', path: '', oldPointer: o.pointer, newPointer: n.pointer });
    const format = compareFormat(o.schema['format'], n.schema['format']);
    if (format) changes.push({ kind: 'format-changed', path: '', ...at('format'), old: o.schema['format'], new: n.schema['format'], relation: format });
    this.compareEnums(o, n, changes);
    for (const bound of compareBounds(o.schema, n.schema)) changes.push({ kind: 'constraint-changed', path: '', ...at(bound.keyword), ...bound });
    if (('default' in o.schema || 'default' in n.schema) && !sameValue(o.schema['default'], n.schema['default'])) {
      changes.push({ kind: 'default-changed', path: '', ...at('default'), old: o.schema['default'], new: n.schema['default'] });
    }
    if (!isFlag(o.schema, 'deprecated') && isFlag(n.schema, 'deprecated')) changes.push({ kind: 'property-deprecated', path: '', ...at('deprecated') });
    const oldDiscriminator = asObject(o.schema['discriminator'])?.['propertyName'];
    const newDiscriminator = asObject(n.schema['discriminator'])?.['propertyName'];
    if (oldDiscriminator !== undefined && newDiscriminator !== undefined && oldDiscriminator !== newDiscriminator) {
      changes.push({ kind: 'discriminator-changed', path: '', ...at('discriminator'), old: oldDiscriminator, new: newDiscriminator });
    }
    this.compareProperties(o, n, changes, depth);
    this.compareAdditional(o, n, changes, depth);
    if (o.schema['items'] !== undefined && n.schema['items'] !== undefined) {
      const items = this.compare({ value: o.schema['items'], pointer: keywordPointer(o, 'items') }, { value: n.schema['items'], pointer: keywordPointer(n, 'items') }, '[]', depth + 1);
      changes.push(...items);
    }
    for (const keyword of ['oneOf', 'anyOf'] as const) this.compareVariants(o, n, keyword, changes, depth);
    return changes;
  }

  private compareEnums(o: SchemaView, n: SchemaView, changes: SchemaChange[]): void {
    const oldEnum = enumOf(o.schema);
    const newEnum = enumOf(n.schema);
    const at = { oldPointer: keywordPointer(o, o.schema['enum'] !== undefined ? 'enum' : 'const'), newPointer: keywordPointer(n, n.schema['enum'] !== undefined ? 'enum' : 'const') };
    if (!oldEnum && newEnum) changes.push({ kind: 'enum-added', path: '', ...at, new: newEnum });
    else if (oldEnum && !newEnum) changes.push({ kind: 'enum-removed', path: '', ...at, old: oldEnum });
    else if (oldEnum && newEnum) {
      const oldKeys = new Set(oldEnum.map((v) => JSON.stringify(v)));
      const newKeys = new Set(newEnum.map((v) => JSON.stringify(v)));
      for (const value of oldEnum) if (!newKeys.has(JSON.stringify(value))) changes.push({ kind: 'enum-value-removed', path: '', ...at, old: value });
      for (const value of newEnum) if (!oldKeys.has(JSON.stringify(value))) changes.push({ kind: 'enum-value-added', path: '', ...at, new: value });
    }
  }

  // A request never carries readOnly properties and a response never carries writeOnly ones.
  private isSkipped(document: unknown, property: Located | undefined): boolean {
    if (!property) return false;
    const value = asObject(followRefs(document, property).value);
    return value?.[this.input.direction === 'request' ? 'readOnly' : 'writeOnly'] === true;
  }

  private compareProperties(o: SchemaView, n: SchemaView, changes: SchemaChange[], depth: number): void {
    const { oldDocument, newDocument } = this.input;
    for (const [name, oldProperty] of o.properties) {
      const newProperty = n.properties.get(name);
      if (this.isSkipped(oldDocument, oldProperty) || this.isSkipped(newDocument, newProperty)) continue;
      if (!newProperty) {
        const raw = asObject(followRefs(oldDocument, oldProperty).value) ?? {};
        const description = typeof raw['description'] === 'string' ? raw['description'] : undefined;
        const sunset = sunsetOf({ extensions: extensionsOfRaw(raw), description });
        changes.push({
          kind: 'property-removed', path: name, oldPointer: oldProperty.pointer, anchor: n.pointer,
          isDeprecated: raw['deprecated'] === true, isRequired: o.required.has(name), ...(sunset ? { sunset } : {}),
        });
        continue;
      }
      changes.push(...this.compare(oldProperty, newProperty, name, depth + 1));
      const wasRequired = o.required.has(name);
      const isRequired = n.required.has(name);
      if (wasRequired !== isRequired) {
        changes.push({ kind: isRequired ? 'property-became-required' : 'property-became-optional', path: name, oldPointer: oldProperty.pointer, newPointer: newProperty.pointer });
      }
    }
    for (const [name, newProperty] of n.properties) {
      if (o.properties.has(name) || this.isSkipped(newDocument, newProperty)) continue;
      changes.push({ kind: 'property-added', path: name, newPointer: newProperty.pointer, isRequired: n.required.has(name) });
    }
  }

  private compareAdditional(o: SchemaView, n: SchemaView, changes: SchemaChange[], depth: number): void {
    const oldValue = o.schema['additionalProperties'];
    const newValue = n.schema['additionalProperties'];
    if (oldValue === undefined && newValue === undefined) return;
    const oldShape = additionalShape(oldValue);
    const newShape = additionalShape(newValue);
    if (oldShape === 'schema' && newShape === 'schema') {
      const oldPointer = keywordPointer(o, 'additionalProperties');
      const newPointer = keywordPointer(n, 'additionalProperties');
      changes.push(...this.compare({ value: oldValue, pointer: oldPointer }, { value: newValue, pointer: newPointer }, '{}', depth + 1));
      return;
    }
    if (oldShape === newShape) return;
    const rank = { closed: 0, schema: 1, open: 2 } as const;
    const relation: Relation = rank[newShape] < rank[oldShape] ? 'narrowed' : 'widened';
    changes.push({
      kind: 'additional-properties-changed', path: '', oldPointer: keywordPointer(o, 'additionalProperties'), newPointer: keywordPointer(n, 'additionalProperties'),
      old: oldValue ?? true, new: newValue ?? true, relation,
    });
  }

  private compareVariants(o: SchemaView, n: SchemaView, keyword: 'oneOf' | 'anyOf', changes: SchemaChange[], depth: number): void {
    const oldVariants = variantsOf(this.input.oldDocument, o, keyword);
    const newVariants = variantsOf(this.input.newDocument, n, keyword);
    if (oldVariants.length === 0 || newVariants.length === 0) return;
    const matches = matchVariants(oldVariants, newVariants);
    for (const variant of oldVariants) {
      const match = matches.get(variant);
      if (!match) {
        changes.push({ kind: 'variant-removed', path: '', keyword, oldPointer: variant.located.pointer, anchor: keywordPointer(n, keyword), old: variant.label });
        continue;
      }
      changes.push(...this.compare(variant.located, match.located, '', depth + 1));
    }
    const matched = new Set(matches.values());
    for (const variant of newVariants) {
      if (!matched.has(variant)) changes.push({ kind: 'variant-added', path: '', keyword, newPointer: variant.located.pointer, new: variant.label });
    }
  }
}

/** Ways to recognise the same variant on both sides, strongest first. */
const identityKinds = ['ref', 'tag', 'title', 'allOf', 'shape', 'index'] as const;

interface Variant {
  readonly located: Located;
  /** Identity by kind: the component a `$ref` names, a single-valued property (`type: [push]`), a title, allOf members, a shape, the position. */
  readonly identities: Partial<Record<(typeof identityKinds)[number], string>>;
  readonly label: string;
}

function matchVariants(oldVariants: readonly Variant[], newVariants: readonly Variant[]): Map<Variant, Variant> {
  const matches = new Map<Variant, Variant>();
  const taken = new Set<Variant>();
  for (const kind of identityKinds) {
    for (const variant of oldVariants) {
      const identity = variant.identities[kind];
      if (matches.has(variant) || identity === undefined) continue;
      const found = newVariants.find((candidate) => !taken.has(candidate) && candidate.identities[kind] === identity);
      if (found) {
        matches.set(variant, found);
        taken.add(found);
      }
    }
  }
  return matches;
}

// A tagged union names each variant by a property with one allowed value (GitHub: `type: {enum: [push]}`).
function tagOf(document: unknown, view: SchemaView): string | undefined {
  for (const [name, property] of view.properties) {
    const schema = asObject(followRefs(document, property).value);
    const values = Array.isArray(schema?.['enum']) ? schema['enum'] : schema && 'const' in schema ? [schema['const']] : [];
    if (values.length === 1) return `${name}=${String(values[0])}`;
  }
  return undefined;
}

// What an untitled inline variant looks like: 'object {id, name}', 'array of string', 'string'.
function shapeOf(document: unknown, view: SchemaView): string {
  const type = typesOf(view.schema);
  const kind = type ? [...type].sort().join('|') : view.properties.size > 0 ? 'object' : 'any';
  if (view.properties.size > 0) return `${kind} {${[...view.properties.keys()].sort().join(', ')}}`;
  const items = view.schema['items'] !== undefined ? schemaView(document, { value: view.schema['items'], pointer: keywordPointer(view, 'items') }) : undefined;
  const itemType = items ? typesOf(items.schema) : undefined;
  return items ? `${kind} of ${itemType ? [...itemType].sort().join('|') : 'any'}` : kind;
}

function variantsOf(document: unknown, view: SchemaView, keyword: 'oneOf' | 'anyOf'): Variant[] {
  const raw = view.schema[keyword];
  if (!Array.isArray(raw)) return [];
  const base = keywordPointer(view, keyword);
  let inline = 0;
  return raw.flatMap((value, index): Variant[] => {
    const located = { value, pointer: `${base}/${index}` };
    const resolved = followRefs(document, located);
    if (isNullSchema(resolved.value)) return [];
    const identities: Variant['identities'] = {};
    const variantView = schemaView(document, located);
    const tag = variantView ? tagOf(document, variantView) : undefined;
    if (tag !== undefined) identities.tag = tag;
    const title = asObject(resolved.value)?.['title'];
    if (typeof title === 'string') identities.title = title;
    if (resolved.pointer !== located.pointer) {
      identities.ref = resolved.pointer;
      return [{ located, identities, label: resolved.pointer.split('/').pop() ?? resolved.pointer }];
    }
    const members = asObject(value)?.['allOf'];
    const memberRefs = Array.isArray(members) ? members.flatMap((m) => (asObject(m) && typeof asObject(m)!['$ref'] === 'string' ? [String(asObject(m)!['$ref']).split('/').pop()!] : [])) : [];
    if (memberRefs.length > 0) identities.allOf = memberRefs.join(' + ');
    if (variantView) identities.shape = shapeOf(document, variantView);
    identities.index = String(inline++);
    return [{ located, identities, label: tag ?? (typeof title === 'string' ? title : undefined) ?? identities.allOf ?? `${keyword}[${index}]: ${identities.shape ?? 'schema'}` }];
  });
}

function additionalShape(value: unknown): 'open' | 'closed' | 'schema' {
  if (value === false) return 'closed';
  if (value === undefined || value === true) return 'open';
  const object = asObject(value);
  return object && Object.keys(object).length > 0 ? 'schema' : 'open';
}

function enumOf(schema: Readonly<Record<string, unknown>>): unknown[] | undefined {
  if (Array.isArray(schema['enum'])) return schema['enum'].filter((v) => v !== null);
  return 'const' in schema ? [schema['const']] : undefined;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** 'owner' + 'login' → 'owner.login'; 'labels' + '[].name' → 'labels[].name'. */
export function joinPath(prefix: string, rest: string): string {
  if (prefix === '') return rest;
  if (rest === '') return prefix;
  return rest.startsWith('[') || rest.startsWith('{') ? `${prefix}${rest}` : `${prefix}.${rest}`;
}
