type Resolve = (value: unknown) => unknown;
type Json = Record<string, unknown>;

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;

/**
 * The first way `value` breaks the structure of `schema` (type, nullable, required, properties, items,
 * enum, allOf), or null. An interpreter, not ajv: ajv compiles code per schema, which costs seconds on a
 * description with thousands of examples, and lint only needs the shape. oneOf/anyOf pass when any
 * branch does. Depth is bounded, so recursive schemas terminate.
 */
export function shapeProblem(schema: unknown, value: unknown, resolve: Resolve, path = '', depth = 0): string | null {
  const s = resolve(schema) as Json | undefined;
  if (!s || typeof s !== 'object' || depth > 12) return null;
  for (const part of (s['allOf'] as unknown[] | undefined) ?? []) {
    const problem = shapeProblem(part, value, resolve, path, depth + 1);
    if (problem) return problem;
  }
  const alternatives = (s['oneOf'] ?? s['anyOf']) as unknown[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0 && alternatives.every((alt) => shapeProblem(alt, value, resolve, path, depth + 1) !== null)) {
    return `${path || 'body'} matches none of its ${alternatives.length} alternatives`;
  }
  const actual = typeOf(value);
  const declared = s['type'];
  const types = (Array.isArray(declared) ? declared : declared === undefined ? [] : [declared]) as string[];
  if (value === null && (s['nullable'] === true || types.includes('null'))) return null;
  if (types.length > 0 && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
    return `${path || 'body'} is ${actual}, the schema says ${types.join(' or ')}`;
  }
  if (Array.isArray(s['enum']) && s['enum'].length > 0 && !s['enum'].some((option) => JSON.stringify(option) === JSON.stringify(value))) {
    return `${path || 'body'} is not one of ${s['enum'].slice(0, 5).map((o) => JSON.stringify(o)).join(', ')}`;
  }
  if (actual === 'object') {
    const record = value as Json;
    for (const name of (s['required'] as string[] | undefined) ?? []) {
      if (!(name in record)) return `${path || 'body'} lacks the required property '${name}'`;
    }
    const properties = (s['properties'] as Json | undefined) ?? {};
    for (const [name, child] of Object.entries(record)) {
      if (name in properties) {
        const problem = shapeProblem(properties[name], child, resolve, `${path}/${name}`, depth + 1);
        if (problem) return problem;
      } else if (s['additionalProperties'] === false) {
        return `${path || 'body'} has '${name}', which the schema does not allow`;
      }
    }
  }
  if (actual === 'array' && s['items']) {
    for (const [i, item] of (value as unknown[]).slice(0, 20).entries()) {
      const problem = shapeProblem(s['items'], item, resolve, `${path}/${i}`, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}
