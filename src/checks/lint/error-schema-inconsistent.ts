import { defineCheck } from '../define.js';
import { errorBodies, schemaShape, type ErrorBody } from './error-responses.js';

interface ShapeGroup {
  readonly key: string;
  readonly properties: ReadonlySet<string>;
  readonly bodies: ErrorBody[];
}

// Two object shapes are one family when they share at least half of the smaller one's members: an error
// with extra members (`errors` for field errors) is an extension, not a different format.
function related(a: ShapeGroup, b: ShapeGroup): boolean {
  if (a.properties.size === 0 || b.properties.size === 0) return a.key === b.key;
  const shared = [...a.properties].filter((name) => b.properties.has(name)).length;
  return shared * 2 >= Math.min(a.properties.size, b.properties.size);
}

export const errorSchemaInconsistent = defineCheck({
  id: 'lint.error-schema-inconsistent',
  cause: 'complex-endpoints',
  kind: 'lint',
  severity: 'medium',
  summary: 'Error responses use unrelated body shapes',
  explanation:
    'When one endpoint returns `{"error": {...}}`, another `{"message": ...}` and a third a bare string, clients cannot write one error handler: messages get lost, retries misfire, and users see "undefined" instead of the reason their request failed.',
  remedy: 'Define one error schema (ideally RFC 9457 problem details), reference it from every error response, and extend it with optional members instead of inventing new shapes.',
  *run({ spec }) {
    const groups = new Map<string, ShapeGroup>();
    for (const body of errorBodies(spec)) {
      const shape = schemaShape(spec, body.media.schema);
      if (shape.key === 'any') continue; // undocumented body: nothing to compare
      const group = groups.get(shape.key) ?? { ...shape, bodies: [] };
      group.bodies.push(body);
      groups.set(shape.key, group);
    }
    const families: ShapeGroup[][] = [];
    for (const group of groups.values()) {
      const joined = families.filter((family) => family.some((member) => related(member, group)));
      const merged = [...joined.flat(), group];
      for (const family of joined) families.splice(families.indexOf(family), 1);
      families.push(merged);
    }
    if (families.length < 2) return;
    const ranked = families
      .map((family) => ({ shapes: family, bodies: family.flatMap((g) => g.bodies) }))
      .sort((a, b) => b.bodies.length - a.bodies.length);
    const describe = ranked.slice(0, 5).map(({ shapes, bodies }) => `${shapes[0]!.key} in ${bodies.length} responses (e.g. ${bodies[0]!.operation.key} ${bodies[0]!.response.status})`);
    const rarest = ranked[ranked.length - 1]!.bodies[0]!;
    yield {
      operation: null,
      pointer: rarest.media.pointer,
      detail: `Error responses use ${families.length} unrelated shapes: ${describe.join('; ')}${ranked.length > 5 ? '; ...' : ''}.`,
    };
  },
});
