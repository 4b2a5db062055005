import type { ProbeRequest, RequestOptions, Role } from '../../checks/types.js';
import type { MediaType, Operation, Parameter, SpecModel } from '../../spec/model.js';
import { exampleFor } from './schema-arbitrary.js';
import type { ValuePool } from './value-pool.js';

/** The parts of a request before they are put together, so negative testing can break one of them. */
export interface RequestParts {
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, string>;
  readonly media?: MediaType;
  readonly body?: unknown;
}

export function parameterValue(spec: SpecModel, operation: Operation, parameter: Parameter, pool: ValuePool): unknown {
  if (parameter.in === 'path') {
    const linked = pool.linkValue(operation.operationId, parameter.name);
    if (linked !== undefined) return linked;
  }
  if (parameter.example !== undefined) return parameter.example;
  if (parameter.examples.length > 0) return parameter.examples[0];
  if (parameter.in === 'path') {
    const learned = pool.valueFor(operation.path, parameter.name);
    if (learned !== undefined) return learned;
  }
  return exampleFor(parameter.schema ?? { type: 'string' }, spec.resolve);
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

export function bodyExample(spec: SpecModel, media: MediaType): unknown {
  if (media.example !== undefined) return media.example;
  if (media.examples.length > 0) return media.examples[0];
  return exampleFor(media.schema ?? {}, spec.resolve);
}

/** Valid values for every required parameter (and optional ones the spec gives examples for) and the body. */
export function validParts(spec: SpecModel, operation: Operation, pool: ValuePool): RequestParts {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    const hasExample = parameter.example !== undefined || parameter.examples.length > 0;
    if (!parameter.required && !hasExample) continue;
    if (isIgnoredHeader(parameter)) continue;
    const value = parameterValue(spec, operation, parameter, pool);
    if (parameter.in === 'path') path[parameter.name] = value;
    else if (parameter.in === 'query') query[parameter.name] = value;
    else if (parameter.in === 'header') headers[parameter.name.toLowerCase()] = String(value);
    else if (parameter.in === 'cookie') headers['cookie'] = `${headers['cookie'] ? headers['cookie'] + '; ' : ''}${parameter.name}=${encodeURIComponent(String(value))}`;
  }
  const media = requestMedia(operation);
  if (!media) return { path, query, headers };
  return { path, query, headers, media, body: bodyExample(spec, media) };
}

/** Put the parts together as a probe; `bodyText` overrides the encoded body (malformed JSON). */
export function assemble(operation: Operation, parts: RequestParts, role: Role | null, extra: Readonly<Record<string, string>> = {}, bodyText?: string): ProbeRequest {
  let path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(parts.path[name] ?? name)));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parts.query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) search.append(name, String(item));
    else search.append(name, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
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
    return new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)])).toString();
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
  const parts = validParts(spec, operation, pool);
  const withOverrides = options.pathParams ? { ...parts, path: { ...parts.path, ...options.pathParams } } : parts;
  return assemble(operation, withOverrides, role, options.headers ?? {});
}
