/** A path as a list of segments: a literal, or a parameter (`null` until named). */
export type TemplateSegments = readonly (string | null)[];

/** What kind of identifier a path segment looks like, or null for a word. */
export function idKind(segment: string): 'integer' | 'uuid' | 'hex' | 'token' | null {
  if (/^\d+$/.test(segment)) return 'integer';
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)) return 'uuid';
  // Object ids, hashes, short ids: hex with a digit in it ('deadbeef' alone is a word).
  if (/^[0-9a-f]{8,}$/i.test(segment) && /\d/.test(segment)) return 'hex';
  // Opaque ids such as 'cus_9s6XKzkNRiz8i3' or 'Kx8bQ2mPz4Lr': long, letters and digits mixed.
  if (segment.length >= 12 && /^[A-Za-z0-9_-]+$/.test(segment) && /\d/.test(segment) && /[A-Za-z]/.test(segment) && !/^v\d/.test(segment)) return 'token';
  return null;
}

/** Segments of a pathname, decoded; the empty trailing segment of '/a/' kept apart by the caller. */
export function splitPath(pathname: string): string[] {
  return pathname
    .split('/')
    .slice(1)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/** Segments with every id-looking one made a parameter. */
export function templateOf(segments: readonly string[]): (string | null)[] {
  return segments.map((segment) => (idKind(segment) ? null : segment));
}

export function templateKey(segments: TemplateSegments): string {
  return `/${segments.map((segment) => (segment === null ? '{}' : segment.replace(/[{}]/g, '_'))).join('/')}`;
}

const irregular: Readonly<Record<string, string>> = { people: 'person', children: 'child', men: 'man', women: 'woman', data: 'datum', indices: 'index' };

/** 'orders' → 'order', 'categories' → 'category', 'line-items' → 'lineItem'. */
export function singular(word: string): string {
  const camel = word.replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
  const lower = camel.toLowerCase();
  if (irregular[lower]) return irregular[lower];
  if (/[^aeiou]ies$/i.test(camel)) return `${camel.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|z)es$/i.test(camel)) return camel.slice(0, -2);
  if (/[^su]s$/i.test(camel)) return camel.slice(0, -1);
  return camel;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Fields whose values are generic keys: named after the collection ('productSlug'), not on their own.
const genericKeyField = /^(id|slug|code|key|sku|uid|uuid|handle|ref)$/i;

/**
 * Names for the parameters of a template, after the collection before each: `/orders/{}/items/{}` →
 * orderId, itemId. `field` (when a slug was recognised as a body value) refines the name: a `slug` under
 * products is productSlug, a `username` stays username. Names are unique within the path.
 */
export function parameterNames(segments: TemplateSegments, fields: ReadonlyMap<number, string> = new Map()): string[] {
  const names: string[] = [];
  segments.forEach((segment, position) => {
    if (segment !== null) return;
    const previous = position > 0 ? segments[position - 1] : null;
    const field = fields.get(position);
    const owner = typeof previous === 'string' && /[A-Za-z]/.test(previous) ? singular(previous) : '';
    let name: string;
    if (field && !/^id$/i.test(field) && !/Id$/.test(field)) name = genericKeyField.test(field) && owner ? `${owner}${capitalise(field.toLowerCase())}` : field;
    else name = owner ? `${owner.charAt(0).toLowerCase()}${owner.slice(1)}Id` : 'id';
    let unique = name;
    for (let n = 2; names.includes(unique); n++) unique = `${name}${n}`;
    names.push(unique);
  });
  return names;
}

/** The OpenAPI path: '/orders/{orderId}'. */
export function openApiPath(segments: TemplateSegments, names: readonly string[]): string {
  let next = 0;
  return `/${segments.map((segment) => (segment === null ? `{${names[next++]}}` : encodeLiteral(segment))).join('/')}`;
}

function encodeLiteral(segment: string): string {
  return segment.replace(/[{}?#%\s]/g, (c) => encodeURIComponent(c));
}
