import type { Operation, SpecModel } from '../../../spec/model.js';
import type { ProbeRequest } from '../../types.js';

/**
 * An operation needs credentials when it declares security and none of its alternatives is empty
 * (an empty alternative means "anonymous allowed"). Same rule as the engine's request builder.
 */
export function isSecured(operation: Operation): boolean {
  return operation.security.length > 0 && operation.security.every((alternative) => alternative.schemes.length > 0);
}

/** The scopes each alternative asks for, e.g. "admin" or "read+write or admin". */
export function requiredScopes(operation: Operation): string {
  return operation.security.map((alternative) => alternative.schemes.flatMap((s) => s.scopes).join('+') || '(none)').join(' or ');
}

/** The security as a reader would say it: "oauth (admin)" or "apiKey or bearer". */
export function describeSecurity(operation: Operation): string {
  return operation.security
    .map((alternative) => alternative.schemes.map(({ name, scopes }) => (scopes.length > 0 ? `${name} (${scopes.join(', ')})` : name)).join(' + '))
    .join(' or ');
}

export function hasScopeRequirement(operation: Operation): boolean {
  return operation.security.some((alternative) => alternative.schemes.some((scheme) => scheme.scopes.length > 0));
}

/** What the spec's security schemes read a credential from, besides the Authorization header. */
function credentialNames(spec: SpecModel): { headers: Set<string>; cookies: Set<string>; query: Set<string> } {
  const names = { headers: new Set(['authorization']), cookies: new Set<string>(), query: new Set<string>() };
  for (const scheme of spec.securitySchemes) {
    if (scheme.type !== 'apiKey' || !scheme.paramName) continue;
    if (scheme.in === 'header') names.headers.add(scheme.paramName.toLowerCase());
    else if (scheme.in === 'cookie') names.cookies.add(scheme.paramName);
    else if (scheme.in === 'query') names.query.add(scheme.paramName);
  }
  return names;
}

function cookieNames(header: string): string[] {
  return header.split(';').map((part) => part.split('=')[0]!.trim()).filter((name) => name.length > 0);
}

/** True when the headers or the URL carry something a security scheme of the spec reads. */
export function hasCredentials(spec: SpecModel, headers: Readonly<Record<string, string>>, url = ''): boolean {
  const names = credentialNames(spec);
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (names.headers.has(lower)) return true;
    if (lower === 'cookie' && cookieNames(value).some((cookie) => names.cookies.has(cookie))) return true;
  }
  const search = new URLSearchParams(url.split('?')[1] ?? '');
  return [...names.query].some((name) => search.has(name));
}

/**
 * The request without anything a security scheme of the spec reads: the Authorization header, API-key
 * headers, API-key cookies and query parameters (examples in the spec may carry them).
 */
export function withoutCredentials(spec: SpecModel, request: ProbeRequest): ProbeRequest {
  const names = credentialNames(spec);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const lower = name.toLowerCase();
    if (names.headers.has(lower)) continue;
    if (lower === 'cookie') {
      const kept = value.split(';').map((part) => part.trim()).filter((part) => part && !names.cookies.has(part.split('=')[0]!.trim()));
      if (kept.length > 0) headers[name] = kept.join('; ');
      continue;
    }
    headers[name] = value;
  }
  let path = request.path;
  const queryAt = path.indexOf('?');
  if (queryAt >= 0 && names.query.size > 0) {
    const search = new URLSearchParams(path.slice(queryAt + 1));
    for (const name of names.query) search.delete(name);
    const rest = search.toString();
    path = path.slice(0, queryAt) + (rest ? `?${rest}` : '');
  }
  return { ...request, path, headers, role: null };
}

export function isDestructive(operation: Operation): boolean {
  return operation.method === 'post' || operation.method === 'put' || operation.method === 'patch' || operation.method === 'delete';
}
