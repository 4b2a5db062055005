import type { Operation, SecurityScheme, SpecModel } from '../../../spec/model.js';
import type { ProbeRequest, Role } from '../../types.js';
import { withoutCredentials } from './security.js';

/** Where a token travels: a header, with the word that precedes it there, or a cookie. */
export interface CredentialPlace {
  readonly in: 'header' | 'cookie';
  /** The header name as the role or the spec writes it, or the cookie name. */
  readonly name: string;
  /** 'Bearer ', 'Token ', 'JWT ' (as written) or '' when the value stands alone. */
  readonly prefix: string;
}

/** The words APIs put before a token in a header (RFC 6750 Bearer, and the `Token`/`JWT` of many frameworks). */
export const tokenPrefix = /^(Bearer|Token|JWT)\s+/i;

export function isSamePlace(a: CredentialPlace, b: CredentialPlace): boolean {
  return a.in === b.in && (a.in === 'cookie' ? a.name === b.name : a.name.toLowerCase() === b.name.toLowerCase());
}

/** 'Authorization: Token …' or 'cookie jwt', for details and evidence notes. */
export function describePlace(place: CredentialPlace): string {
  return place.in === 'cookie' ? `cookie ${place.name}` : `${place.name}: ${place.prefix}…`;
}

/** The request with `value` as its only credential, sent in `place` with the place's prefix. */
export function withCredentialAt(spec: SpecModel, request: ProbeRequest, place: CredentialPlace, value: string): ProbeRequest {
  const bare = withoutCredentials(spec, request);
  const headers: Record<string, string> = {};
  let cookies: string[] = [];
  for (const [name, header] of Object.entries(bare.headers ?? {})) {
    if (name.toLowerCase() === 'cookie') cookies = header.split(';').map((part) => part.trim()).filter((part) => part && part.split('=')[0]!.trim() !== place.name);
    else if (place.in !== 'header' || name.toLowerCase() !== place.name.toLowerCase()) headers[name] = header;
  }
  if (place.in === 'header') headers[place.name] = `${place.prefix}${value}`;
  else cookies.push(`${place.name}=${value}`);
  if (cookies.length > 0) headers['Cookie'] = cookies.join('; ');
  return { ...bare, headers };
}

/** The prefix the roles use in the header, when one of them sends it with a known prefix. */
function rolePrefix(roles: readonly Role[], header: string): string | undefined {
  for (const role of roles) {
    const value = Object.entries(role.headers).find(([name]) => name.toLowerCase() === header.toLowerCase())?.[1];
    const prefix = value === undefined ? undefined : tokenPrefix.exec(value)?.[0];
    if (prefix) return prefix;
  }
  return undefined;
}

// "Token xxxxxx.yyyyyyy.zzzzzz", "`Bearer <jwt>`", "JWT {token}": an example of the header in the scheme's description.
const describedPrefix = /(?:^|[\s'"`:(])(Bearer|Token|JWT) +(?:<[^>\s]+>|\{[^}\s]+\}|[\w-]+\.[\w-]+)/;

/**
 * Where the scheme reads a token, or null for schemes that carry none faultline can forge (basic,
 * query keys, mutual TLS). The prefix is the roles' own when they send that header, so a forged token
 * looks like the real one.
 */
export function placeOfScheme(scheme: SecurityScheme, roles: readonly Role[]): CredentialPlace | null {
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect' || (scheme.type === 'http' && scheme.scheme === 'bearer')) {
    return { in: 'header', name: 'Authorization', prefix: rolePrefix(roles, 'Authorization') ?? 'Bearer ' };
  }
  if (scheme.type !== 'apiKey' || !scheme.paramName) return null;
  if (scheme.in === 'cookie') return { in: 'cookie', name: scheme.paramName, prefix: '' };
  if (scheme.in !== 'header') return null;
  const described = describedPrefix.exec(scheme.description ?? '')?.[1];
  return { in: 'header', name: scheme.paramName, prefix: rolePrefix(roles, scheme.paramName) ?? (described ? `${described} ` : '') };
}

/** Every place the operation's security schemes read a token from, without repeats. */
export function placesOf(spec: SpecModel, operation: Operation, roles: readonly Role[]): CredentialPlace[] {
  const places: CredentialPlace[] = [];
  for (const alternative of operation.security) {
    for (const { name } of alternative.schemes) {
      const scheme = spec.securitySchemes.find((s) => s.name === name);
      const place = scheme ? placeOfScheme(scheme, roles) : null;
      if (place && !places.some((p) => isSamePlace(p, place))) places.push(place);
    }
  }
  return places;
}
