import type { Operation, SpecModel } from '../../spec/model.js';
import { isIgnoredHeader, type RequestParts } from './request-builder.js';
import { flattenSchema, schemaType } from './schema-arbitrary.js';

/** One deliberate way to make a request invalid: a name for the report and the change itself. */
export interface Mutation {
  readonly description: string;
  apply(parts: RequestParts): { parts: RequestParts; bodyText?: string };
}

type Json = Record<string, unknown>;

function wrongTypeValue(schema: Json): unknown {
  switch (schemaType(schema)) {
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'not-a-boolean';
    case 'array':
      return { unexpected: 'object' };
    case 'object':
      return 'not-an-object';
    default:
      return 12345;
  }
}

const invalidFormats: Record<string, string> = {
  email: 'not-an-email',
  uuid: 'not-a-uuid',
  'date-time': 'not-a-date-time',
  date: '31/31/2020',
  uri: 'not a uri',
  ipv4: '999.1.1.1',
};

/** The value-level violations of one schema, each as (description, bad value). */
export function violationsOf(schema: Json): { what: string; value: unknown }[] {
  const out: { what: string; value: unknown }[] = [];
  const type = schemaType(schema);
  if (type) out.push({ what: `wrong type (expected ${type})`, value: wrongTypeValue(schema) });
  if (typeof schema['minimum'] === 'number') out.push({ what: `below minimum ${schema['minimum']}`, value: (schema['minimum'] as number) - 1 });
  if (typeof schema['maximum'] === 'number') out.push({ what: `above maximum ${schema['maximum']}`, value: (schema['maximum'] as number) + 1 });
  if (typeof schema['exclusiveMinimum'] === 'number') out.push({ what: `not above ${schema['exclusiveMinimum']}`, value: schema['exclusiveMinimum'] });
  if (typeof schema['maxLength'] === 'number' && (schema['maxLength'] as number) < 100_000) {
    out.push({ what: `longer than maxLength ${schema['maxLength']}`, value: 'x'.repeat((schema['maxLength'] as number) + 1) });
  }
  if (typeof schema['minLength'] === 'number' && (schema['minLength'] as number) > 0) out.push({ what: `shorter than minLength ${schema['minLength']}`, value: '' });
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) out.push({ what: 'not one of the enum values', value: '__faultline_not_in_enum__' });
  const format = typeof schema['format'] === 'string' ? invalidFormats[schema['format']] : undefined;
  if (format !== undefined) out.push({ what: `not a valid ${String(schema['format'])}`, value: format });
  return out;
}

function withBody(parts: RequestParts, body: unknown): RequestParts {
  return { ...parts, body };
}

/** Body-level mutations, relative to whatever valid body they are applied to (so fuzzing can reuse them). */
export function bodyMutations(spec: SpecModel, operation: Operation): Mutation[] {
  const media = operation.requestBody?.content.find((m) => /json/i.test(m.mediaType));
  if (!media?.schema) return [];
  const schema = flattenSchema(media.schema, spec.resolve);
  const mutations: Mutation[] = [
    { description: 'body: malformed JSON', apply: (parts) => ({ parts, bodyText: '{"faultline": ' }) },
    // A JSON body under text/plain is a CORS "simple request": an API that accepts it can be driven
    // cross-site without a preflight (CSRF). Expected: 415 Unsupported Media Type.
    { description: 'body: valid JSON sent as text/plain', apply: (parts) => ({ parts: { ...parts, media: { ...media, mediaType: 'text/plain' } } }) },
  ];
  if (schemaType(schema) === 'object') {
    mutations.push({ description: 'body: an array instead of an object', apply: (parts) => ({ parts: withBody(parts, []) }) });
    const properties = (schema['properties'] as Json | undefined) ?? {};
    for (const name of (schema['required'] as string[] | undefined) ?? []) {
      mutations.push({
        description: `body.${name}: required field missing`,
        apply: (parts) => {
          const body = { ...((parts.body as Json | undefined) ?? {}) };
          delete body[name];
          return { parts: withBody(parts, body) };
        },
      });
    }
    for (const [name, raw] of Object.entries(properties)) {
      const property = flattenSchema(raw, spec.resolve);
      if (property['readOnly'] === true) continue;
      for (const violation of violationsOf(property)) {
        mutations.push({
          description: `body.${name}: ${violation.what}`,
          apply: (parts) => ({ parts: withBody(parts, { ...((parts.body as Json | undefined) ?? {}), [name]: violation.value }) }),
        });
      }
    }
  }
  return mutations;
}

/** Parameter-level mutations: missing required query/header parameters and out-of-schema values. */
export function parameterMutations(spec: SpecModel, operation: Operation): Mutation[] {
  const mutations: Mutation[] = [];
  for (const parameter of operation.parameters) {
    // Never sent (see isIgnoredHeader): dropping or breaking them would leave the request valid.
    if (parameter.in === 'cookie' || isIgnoredHeader(parameter)) continue;
    const place = parameter.in === 'path' ? 'path' : parameter.in === 'query' ? 'query' : 'headers';
    const key = parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name;
    if (parameter.required && parameter.in !== 'path') {
      mutations.push({
        description: `${parameter.in}.${parameter.name}: required parameter missing`,
        apply: (parts) => {
          const copy = { ...(parts[place] as Json) };
          delete copy[key];
          return { parts: { ...parts, [place]: copy } };
        },
      });
    }
    if (!parameter.schema) continue;
    for (const violation of violationsOf(flattenSchema(parameter.schema, spec.resolve))) {
      // A string parameter given a number is still a string on the wire: nothing to test.
      if (violation.what.startsWith('wrong type (expected string')) continue;
      mutations.push({
        description: `${parameter.in}.${parameter.name}: ${violation.what}`,
        apply: (parts) => ({ parts: { ...parts, [place]: { ...(parts[place] as Json), [key]: typeof violation.value === 'object' ? JSON.stringify(violation.value) : String(violation.value) } } }),
      });
    }
  }
  return mutations;
}
