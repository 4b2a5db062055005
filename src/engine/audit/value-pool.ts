import type { LearnedValue } from '../../checks/types.js';
import type { Operation } from '../../spec/model.js';
import { collectionOf } from '../../spec/path-template.js';

export { collectionOf };

export type { LearnedValue };

type Scalar = string | number;

/** Keys that identify a record when no field is named like the path parameter, in order of preference. */
const idKeys = ['id', 'uuid', 'slug', 'key', 'code', 'username', 'name'];
const maxRecordsPerCollection = 40;
const maxValuesPerName = 12;
const maxItemsPerList = 20;
// A response body is walked to this depth and at most this many nodes: enough for wrappers, pages and
// embedded records, and bounded whatever the API returns.
const maxDepth = 8;
const maxNodes = 2000;

/** A resource the API handed out: its scalar fields, where it lives, and who received it. */
interface LearnedRecord {
  /** The collection path template ('/posts/{slug}/comments'). */
  readonly collection: string;
  /** The values the request used for the collection's own path parameters ({ slug: 'hello' }). */
  readonly parents: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, Scalar>>;
  readonly role: string | null;
  readonly operation: string;
  readonly isCreated: boolean;
}

/** 'postId', 'post_id', 'PostID' → 'postid': names match whatever the API's casing convention. */
export function normaliseName(name: string): string {
  return name.replace(/[^a-zA-Z0-9]/g, '').toLowerCase();
}

/** 'posts' → 'post', 'categories' → 'category', 'addresses' → 'address'. */
function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|sh|ch|x)es$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word) && !/ss$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** The last literal segment of a collection path, singular: '/posts/{slug}/comments' → 'comment'. */
function resourceName(collection: string): string {
  const literal = collection.split('/').filter((s) => s && !s.startsWith('{')).pop() ?? '';
  return normaliseName(singular(literal));
}

/** 'postId' → 'post', 'packageName' → 'package': the resource a parameter names by its stem. */
function stemOf(wanted: string): string {
  return /^(.+?)(id|uuid|slug|key|name)$/.exec(wanted)?.[1] ?? wanted;
}

function isScalar(value: unknown): value is Scalar {
  return (typeof value === 'string' && value.length > 0 && value.length <= 200) || (typeof value === 'number' && Number.isFinite(value));
}

function scalarFields(record: Record<string, unknown>): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(record)) if (isScalar(value)) out[key] = value;
  return out;
}

function hasIdentifier(fields: Record<string, Scalar>): boolean {
  return Object.keys(fields).some((key) => idKeys.includes(key) || /(?:^|[a-z_])(?:id|Id|ID|_id|uuid|slug|key)$/.test(key));
}

/**
 * The records a response is about: the body itself when it is one record, the items of a list at the top
 * or one level down (`{ "data": [...] }`, `{ "posts": [...], "count": 2 }`), and a record wrapped in one
 * key (`{ "post": {...} }`). Records embedded deeper (a post's author) are other resources: they are
 * learnt by field name only.
 */
function primaryRecords(body: unknown): Record<string, unknown>[] {
  if (Array.isArray(body)) return body.slice(0, maxItemsPerList).filter(isRecord);
  if (!isRecord(body)) return [];
  if (hasIdentifier(scalarFields(body))) return [body];
  const out: Record<string, unknown>[] = [];
  for (const value of Object.values(body)) {
    if (Array.isArray(value)) out.push(...value.slice(0, maxItemsPerList).filter(isRecord));
    else if (isRecord(value) && hasIdentifier(scalarFields(value))) out.push(value);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Values learnt from the API's own responses, so later requests reach real resources. Two views:
 * records per collection (the resource a create returned or a listing showed, with the values of its
 * parents' path parameters) and scalar fields by name from anywhere in a body (producer → consumer: a
 * `slug` field feeds a `{slug}` parameter, `post.id` feeds `postId`). Values of OpenAPI links are kept
 * per target operation and parameter.
 */
export class ValuePool {
  private readonly records = new Map<string, LearnedRecord[]>();
  private readonly byName = new Map<string, Scalar[]>();
  private readonly byLink = new Map<string, unknown>();
  private readonly forgotten = new Set<string>();
  private readonly sent: { operation: string; fields: Record<string, Scalar> }[] = [];
  private sequence = 0;

  /** A number that grows with each call, so generated values differ between requests (unique names, emails). */
  next(): number {
    return ++this.sequence;
  }

  /**
   * Learn from a successful response of `operation`. `pathValues` are the values the request used for
   * the operation's path parameters; `location` is the response's Location header, if any.
   */
  learn(operation: Operation, role: string | null, body: unknown, pathValues: Readonly<Record<string, string>> = {}, location?: string): void {
    if (operation.method === 'delete') return;
    this.learnNames(body);
    const lastParam = /\{([^}]+)\}$/.exec(operation.path)?.[1];
    // A create or a listing returns records of its own path; a read or update of an item, of the path above it.
    const collection = lastParam && operation.method !== 'post' ? collectionOf(operation.path, lastParam) : operation.path;
    const parents = Object.fromEntries(Object.entries(pathValues).filter(([name]) => collection.includes(`{${name}}`)));
    const isCreated = operation.method === 'post';
    for (const record of primaryRecords(body)) {
      const fields = scalarFields(record);
      if (hasIdentifier(fields)) this.addRecord({ collection, parents, fields, role, operation: operation.key, isCreated });
    }
    const segment = location ? locationSegment(location, collection, parents) : undefined;
    if (segment !== undefined) this.addRecord({ collection, parents, fields: { location: segment }, role, operation: operation.key, isCreated });
  }

  /** The scalar fields of a JSON body a successful create sent (a registration), kept per operation. */
  learnSent(operation: Operation, body: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (!isRecord(parsed)) return;
    const fields = scalarFields(parsed);
    if (Object.keys(fields).length === 0) return;
    this.sent.push({ operation: operation.key, fields });
    if (this.sent.length > maxRecordsPerCollection) this.sent.shift();
  }

  /**
   * Values for every one of `names` (two or more) from one body another operation sent successfully,
   * newest first: a login's required email and password from the registration that created them.
   */
  sentTogether(names: readonly string[], exceptOperation: string): Record<string, Scalar> | undefined {
    if (names.length < 2) return undefined;
    for (const record of [...this.sent].reverse()) {
      if (record.operation === exceptOperation || !names.every((name) => record.fields[name] !== undefined)) continue;
      return Object.fromEntries(names.map((name) => [name, record.fields[name]!]));
    }
    return undefined;
  }

  learnLink(targetOperationId: string, parameter: string, value: unknown): void {
    if (value !== undefined) this.byLink.set(`${targetOperationId}\u0000${parameter}`, value);
  }

  linkValue(targetOperationId: string | undefined, parameter: string): unknown {
    return targetOperationId ? this.byLink.get(`${targetOperationId}\u0000${parameter}`) : undefined;
  }

  /** The value to use for the path parameter `name` of `path`: the best of `candidates`. */
  valueFor(path: string, name: string, chosen: Readonly<Record<string, unknown>> = {}): Scalar | undefined {
    return this.candidates(path, name, chosen)[0];
  }

  /**
   * Every learnt value that could fill the path parameter `name` of `path`, best first: a field named
   * like the parameter in a record of the collection before it (records whose parents match the values
   * `chosen` for earlier parameters first, newest first), that record's identifier, then fields of the
   * same name from anywhere, then the `id` of records embedded under the parameter's stem (`postId` ←
   * `post.id`).
   */
  candidates(path: string, name: string, chosen: Readonly<Record<string, unknown>> = {}): Scalar[] {
    const collection = collectionOf(path, name);
    const wanted = normaliseName(name);
    const stem = resourceName(collection);
    const records = [...(this.records.get(collection) ?? [])].reverse();
    const matchesParents = (record: LearnedRecord) => Object.entries(record.parents).every(([key, value]) => chosen[key] === undefined || String(chosen[key]) === value);
    const ordered = [...records.filter(matchesParents), ...records.filter((r) => !matchesParents(r))];
    const out: Scalar[] = [];
    const add = (value: Scalar | undefined) => {
      if (value !== undefined && !out.some((v) => String(v) === String(value)) && !this.forgotten.has(`${collection}\u0000${value}`)) out.push(value);
    };
    const named = (name: string) => [...(this.byName.get(name) ?? [])].reverse();
    for (const record of ordered) add(fieldFor(record.fields, wanted, stem));
    // Other identifiers of the same records, for the reach phase to try when the first did not answer.
    for (const record of ordered) for (const value of fieldsFor(record.fields, wanted, stem).slice(1)) add(value);
    // The same resource learnt under another path: '/users/{id}' takes `user.id` from a login's `{ "user": {...} }`
    // before any other 'id' the API ever sent.
    if (stem && !wanted.startsWith(stem)) for (const value of named(`${stem}${wanted}`)) add(value);
    for (const value of named(wanted)) add(value);
    // 'postId' → what was learnt as post.id; 'id' alone has no stem and matched above.
    const suffix = /^(.+?)(id|uuid|slug|key|name)$/.exec(wanted);
    if (suffix) for (const value of named(`${suffix[1]}${suffix[2]}`)) add(value);
    // Records of another collection named like the parameter: `{package}` takes the names a listing of
    // '/-/data/packages' showed.
    for (const [other, list] of this.records) {
      if (other === collection || (resourceName(other) !== wanted && resourceName(other) !== stemOf(wanted))) continue;
      for (const record of [...list].reverse()) for (const value of fieldsFor(record.fields, wanted, resourceName(other))) add(value);
    }
    return out;
  }

  /** Values learnt for a field name anywhere in the API's responses (query and header parameters use these). */
  valuesNamed(name: string): Scalar[] {
    return [...(this.byName.get(normaliseName(name)) ?? [])].reverse();
  }

  /** A deleted resource is gone: later requests must not use its id. */
  forget(path: string, name: string, value: unknown): void {
    this.forgotten.add(`${collectionOf(path, name)}\u0000${String(value)}`);
  }

  /**
   * Resources learnt per collection, each with the value that fills its item path: the field named
   * like the item path's parameter when the spec has one (`slug`), else its identifier.
   */
  all(itemParam: (collection: string) => string | undefined = () => undefined): LearnedValue[] {
    const out: LearnedValue[] = [];
    for (const [collection, list] of this.records) {
      const param = itemParam(collection);
      const stem = resourceName(collection);
      for (const record of list) {
        const value = fieldFor(record.fields, param ? normaliseName(param) : 'id', stem);
        if (value === undefined || this.forgotten.has(`${collection}\u0000${value}`)) continue;
        if (out.some((v) => v.collection === collection && v.value === value)) continue;
        out.push({ collection, value, role: record.role, operation: record.operation, isCreated: record.isCreated, fields: record.fields, parents: record.parents });
      }
    }
    return out;
  }

  private addRecord(record: LearnedRecord): void {
    const list = this.records.get(record.collection) ?? [];
    const same = (a: LearnedRecord) => JSON.stringify(a.fields) === JSON.stringify(record.fields) && JSON.stringify(a.parents) === JSON.stringify(record.parents);
    const index = list.findIndex(same);
    // Seen again: keep the first sighting (a create beats a later listing) but move it to the newest place.
    const kept = index >= 0 ? list.splice(index, 1)[0]! : record;
    list.push(kept);
    if (list.length > maxRecordsPerCollection) list.shift();
    this.records.set(record.collection, list);
  }

  private learnNames(body: unknown): void {
    let nodes = 0;
    const visit = (value: unknown, key: string | undefined, parentKey: string | undefined, depth: number) => {
      if (++nodes > maxNodes || depth > maxDepth) return;
      if (Array.isArray(value)) {
        for (const item of value.slice(0, maxItemsPerList)) visit(item, key, parentKey, depth + 1);
        return;
      }
      if (isRecord(value)) {
        for (const [child, inner] of Object.entries(value)) visit(inner, child, key, depth + 1);
        return;
      }
      if (!key || !isScalar(value)) return;
      this.addName(normaliseName(key), value);
      // `{"post": {"id": 11}}` answers a `postId` parameter; `{"posts": [{"id": 1}]}` too.
      if (parentKey && idKeys.includes(key)) this.addName(normaliseName(singular(parentKey) + key), value);
    };
    visit(body, undefined, undefined, 0);
  }

  private addName(name: string, value: Scalar): void {
    const list = this.byName.get(name) ?? [];
    const index = list.findIndex((v) => v === value);
    if (index >= 0) list.splice(index, 1);
    list.push(value);
    if (list.length > maxValuesPerName) list.shift();
    this.byName.set(name, list);
  }
}

/** The field of a record that fills a parameter named `wanted` (normalised) of a collection whose items are `stem`s. */
function fieldFor(fields: Readonly<Record<string, Scalar>>, wanted: string, stem: string): Scalar | undefined {
  return fieldsFor(fields, wanted, stem)[0];
}

/**
 * Every field of a record that could fill the parameter, best first: the one named like it, the record's
 * own 'slug' or 'id' for 'postSlug' or 'postId', then its identifiers in order (a registry's listing has
 * both `_id: "lib@1.0.0"` and `name: "lib"`, and only the name addresses the package).
 */
function fieldsFor(fields: Readonly<Record<string, Scalar>>, wanted: string, stem: string): Scalar[] {
  const byName = new Map(Object.entries(fields).map(([key, value]) => [normaliseName(key), value]));
  const out: Scalar[] = [];
  const add = (key: string) => {
    const value = byName.get(key);
    if (value !== undefined && !out.includes(value)) out.push(value);
  };
  add(wanted);
  if (stem && wanted.startsWith(stem)) add(wanted.slice(stem.length));
  for (const key of [...idKeys, 'location']) add(key);
  return out;
}

/** The segment a Location header adds under the collection ('/posts/hello-x1' for '/posts' → 'hello-x1'). */
function locationSegment(location: string, collection: string, parents: Readonly<Record<string, string>>): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(location, 'http://location.invalid').pathname;
  } catch {
    return undefined;
  }
  const concrete = collection.replace(/\{([^}]+)\}/g, (whole, name: string) => parents[name] ?? whole);
  const at = pathname.lastIndexOf(`${concrete}/`);
  if (concrete.includes('{') || at < 0) return undefined;
  const rest = pathname.slice(at + concrete.length + 1).split('/')[0];
  return rest ? decodeURIComponent(rest) : undefined;
}
