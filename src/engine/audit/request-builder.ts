import type { ProbeRequest, RequestOptions, Role } from '../../checks/types.js';
import type { MediaType, Operation, Parameter, SpecModel } from '../../spec/model.js';
import { exampleFor, flattenSchema, schemaType } from './schema-arbitrary.js';
import type { ValuePool } from './value-pool.js';

/** The parts of a request before they are put together, so negative testing can break one of them. */
export interface RequestParts {
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, string>;
  readonly media?: MediaType;
  readonly body?: unknown;
}

/**
 * A valid value for one parameter: an OpenAPI link's value, the spec's example, a value learnt from the
 * API's responses by name (for a path parameter, the record of the collection before it, matching the
 * values `chosen` for earlier path parameters), then a generated one (never empty for a path segment).
 */
export function parameterValue(spec: SpecModel, operation: Operation, parameter: Parameter, pool: ValuePool, chosen: Readonly<Record<string, unknown>> = {}): unknown {
  const linked = pool.linkValue(operation.operationId, parameter.name);
  if (linked !== undefined) return linked;
  if (parameter.example !== undefined) return parameter.example;
  if (parameter.examples.length > 0) return parameter.examples[0];
  const learned = parameter.in === 'path' ? pool.valueFor(operation.path, parameter.name, chosen) : pool.valuesNamed(parameter.name)[0];
  if (learned !== undefined && fitsType(spec, parameter, learned)) return learned;
  return exampleFor(parameter.schema ?? { type: 'string' }, spec.resolve, { name: parameter.name, next: () => pool.next() });
}

/** A learnt value fits an integer or number parameter only when it is numeric (a slug is no id of type integer). */
export function fitsType(spec: SpecModel, parameter: Parameter, value: unknown): boolean {
  const type = parameter.schema ? schemaType(flattenSchema(parameter.schema, spec.resolve)) : undefined;
  if (type === 'integer') return Number.isInteger(Number(value));
  if (type === 'number') return Number.isFinite(Number(value));
  return true;
}

/** Path parameters in the order they appear in the path, so a parent's value is chosen before its child's. */
export function pathParametersInOrder(operation: Operation): Parameter[] {
  return operation.parameters.filter((p) => p.in === 'path').sort((a, b) => operation.path.indexOf(`{${a.name}}`) - operation.path.indexOf(`{${b.name}}`));
}

/**
 * OpenAPI 3 says header parameters named Accept, Content-Type or Authorization "SHALL be ignored": the
 * media types and the security scheme decide them. Sent, their example would replace a role's token.
 */
export function isIgnoredHeader(parameter: Parameter): boolean {
  return parameter.in === 'header' && ['accept', 'content-type', 'authorization'].includes(parameter.name.toLowerCase());
}

/** The media type faultline sends: JSON first, then form encoding; others are not generated. */
export function requestMedia(operation: Operation): MediaType | undefined {
  const content = operation.requestBody?.content ?? [];
  return (
    content.find((m) => /^application\/(.+\+)?json/i.test(m.mediaType)) ??
    content.find((m) => m.mediaType === 'application/x-www-form-urlencoded') ??
    undefined
  );
}

export function bodyExample(spec: SpecModel, media: MediaType, pool?: ValuePool): unknown {
  if (media.example !== undefined) return media.example;
  if (media.examples.length > 0) return media.examples[0];
  return exampleFor(media.schema ?? {}, spec.resolve, pool ? { next: () => pool.next() } : {});
}

/**
 * Valid values for every required parameter (and optional ones the spec gives examples for) and the
 * body. `pathOverrides` fixes some path parameters (a fresh resource, another learnt value); the others
 * are chosen to match them.
 */
export function validParts(spec: SpecModel, operation: Operation, pool: ValuePool, pathOverrides: Readonly<Record<string, unknown>> = {}): RequestParts {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  for (const parameter of pathParametersInOrder(operation)) {
    path[parameter.name] = parameter.name in pathOverrides ? pathOverrides[parameter.name] : parameterValue(spec, operation, parameter, pool, { ...pathOverrides, ...path });
  }
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') continue;
    const hasExample = parameter.example !== undefined || parameter.examples.length > 0;
    if (!parameter.required && !hasExample) continue;
    if (isIgnoredHeader(parameter)) continue;
    const value = parameterValue(spec, operation, parameter, pool);
    if (parameter.in === 'query') query[parameter.name] = value;
    else if (parameter.in === 'header') headers[parameter.name.toLowerCase()] = asText(value);
    else if (parameter.in === 'cookie') headers['cookie'] = `${headers['cookie'] ? headers['cookie'] + '; ' : ''}${parameter.name}=${encodeURIComponent(asText(value))}`;
  }
  const media = requestMedia(operation);
  if (!media) return { path, query, headers };
  return { path, query, headers, media, body: withSentValues(spec, operation, media, bodyExample(spec, media, pool), pool) };
}

/**
 * A generated body whose required fields were all sent together, successfully, by another operation
 * takes those values (a login takes the email and password a registration created). The spec's own
 * examples are left alone.
 */
function withSentValues(spec: SpecModel, operation: Operation, media: MediaType, body: unknown, pool: ValuePool): unknown {
  if (media.example !== undefined || media.examples.length > 0 || !body || typeof body !== 'object' || Array.isArray(body)) return body;
  const schema = flattenSchema(media.schema ?? {}, spec.resolve);
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  const sent = pool.sentTogether(required, operation.key);
  return sent ? { ...(body as Record<string, unknown>), ...sent } : body;
}

/** A value as text on the wire: objects and arrays as JSON (generated ones may lack a prototype, which String() throws on). */
export function asText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** Put the parts together as a probe; `bodyText` overrides the encoded body (malformed JSON). */
export function assemble(operation: Operation, parts: RequestParts, role: Role | null, extra: Readonly<Record<string, string>> = {}, bodyText?: string): ProbeRequest {
  let path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(asText(parts.path[name] ?? name)));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parts.query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) search.append(name, asText(item));
    else search.append(name, asText(value));
  }
  const queryString = search.toString();
  if (queryString) path += `?${queryString}`;
  // Lower-case every name so a role's 'Authorization' and a check's 'authorization' cannot both be sent.
  const headers: Record<string, string> = {};
  for (const [name, value] of [...Object.entries(role?.headers ?? {}), ...Object.entries(parts.headers)]) {
    const key = name.toLowerCase();
    // A role's session cookie and the operation's cookie parameters travel in the one Cookie header.
    headers[key] = key === 'cookie' && headers[key] ? `${headers[key]}; ${value}` : value;
  }
  let body: string | undefined;
  if (bodyText !== undefined || parts.media) {
    const mediaType = parts.media?.mediaType ?? 'application/json';
    headers['content-type'] = mediaType;
    body = bodyText ?? encodeBody(mediaType, parts.body);
  }
  for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
  return { method: operation.method.toUpperCase(), path, headers, ...(body !== undefined ? { body } : {}), operation: operation.key, role: role?.name ?? null };
}

function encodeBody(mediaType: string, body: unknown): string {
  if (mediaType === 'application/x-www-form-urlencoded' && body && typeof body === 'object') {
    return new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, asText(v)])).toString();
  }
  return JSON.stringify(body ?? null);
}

/** Scopes the role holds versus what each alternative of the operation's security asks for. */
export function isRoleAllowed(operation: Operation, role: Role): boolean {
  if (operation.security.length === 0) return true;
  return operation.security.some((alternative) => alternative.schemes.every((scheme) => scheme.scopes.every((scope) => role.scopes.includes(scope))));
}

/** An operation needs credentials when it has security and no alternative is empty (anonymous). */
export function isSecured(operation: Operation): boolean {
  return operation.security.length > 0 && operation.security.every((alternative) => alternative.schemes.length > 0);
}

export function requestFor(spec: SpecModel, operation: Operation, pool: ValuePool, roles: readonly Role[], options: RequestOptions = {}): ProbeRequest | null {
  const role = options.role !== undefined ? options.role : isSecured(operation) ? (roles.find((r) => isRoleAllowed(operation, r)) ?? null) : null;
  const parts = validParts(spec, operation, pool, options.pathParams ?? {});
  return assemble(operation, parts, role, options.headers ?? {});
}
