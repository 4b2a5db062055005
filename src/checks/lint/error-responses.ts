import type { MediaType, Operation, Response, SpecModel } from '../../spec/model.js';
import { asArray, asRecord, asString } from '../../spec/values.js';

/** 4xx and 5xx responses, their ranges ('4XX') and `default`, which APIs use for errors in practice. */
export function isErrorStatus(status: string): boolean {
  return /^[45](\d\d|XX)$/i.test(status) || status === 'default';
}

export interface ErrorBody {
  readonly operation: Operation;
  readonly response: Response;
  readonly media: MediaType;
}

/** Error responses that document a structured (JSON or XML) body, one entry per media type. */
export function errorBodies(spec: SpecModel): ErrorBody[] {
  return spec.operations.flatMap((operation) =>
    operation.responses
      .filter((response) => isErrorStatus(response.status))
      .flatMap((response) => response.content.filter((media) => /json|xml|^\*\/\*$/i.test(media.mediaType)).map((media) => ({ operation, response, media }))),
  );
}

/** Top-level property names of a schema, following `$ref`s and `allOf` (depth-bounded, so cycles end). */
export function schemaPropertyNames(spec: SpecModel, schema: unknown, depth = 0): Set<string> {
  const names = new Set<string>();
  const resolved = asRecord(spec.resolve(schema));
  if (!resolved || depth > 8) return names;
  for (const name of Object.keys(asRecord(resolved['properties']) ?? {})) names.add(name);
  for (const part of asArray(resolved['allOf'])) for (const name of schemaPropertyNames(spec, part, depth + 1)) names.add(name);
  return names;
}

/** A short description of a schema's shape: its property names, else its non-object type, else 'any' (free-form). */
export function schemaShape(spec: SpecModel, schema: unknown): { readonly key: string; readonly properties: ReadonlySet<string> } {
  const properties = schemaPropertyNames(spec, schema);
  if (properties.size > 0) return { key: `{${[...properties].sort().join(', ')}}`, properties };
  const type = asString(asRecord(spec.resolve(schema))?.['type']);
  return { key: type === undefined || type === 'object' ? 'any' : type, properties };
}

const problemFields = ['type', 'title', 'status', 'detail'];

/** RFC 9457: the problem media types, or a schema carrying at least three of type/title/status/detail. */
export function isProblemDetails(spec: SpecModel, media: MediaType): boolean {
  if (/^application\/problem\+(json|xml)/i.test(media.mediaType)) return true;
  const names = schemaPropertyNames(spec, media.schema);
  return problemFields.filter((field) => names.has(field)).length >= 3;
}
