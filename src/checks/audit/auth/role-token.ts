import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import type { Role } from '../../types.js';
import { tokenPrefix, type CredentialPlace } from './credential-place.js';

/** A JWT decoded without verification (faultline never holds the key). */
export interface DecodedJwt {
  readonly token: string;
  readonly header: ProtectedHeaderParameters;
  readonly claims: JWTPayload;
}

/** A JWT a configured role sends, and where it sends it. */
export interface RoleToken extends DecodedJwt {
  readonly role: Role;
  readonly place: CredentialPlace;
}

/** The value decoded as a JWT (header and claims both JSON objects), or null. */
export function decodeJwtValue(value: string): DecodedJwt | null {
  const token = value.trim();
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) return null;
  try {
    return { token, header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch {
    return null;
  }
}

/** A cookie value as the server meant it: unquoted and percent-decoded. */
export function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value.replace(/^"(.*)"$/, '$1'));
  } catch {
    return value;
  }
}

/**
 * Every JWT the role sends: in any header, after `Bearer `, `Token `, `JWT ` or alone, and in any
 * cookie of its Cookie header.
 */
export function roleTokensOf(role: Role): RoleToken[] {
  const found: RoleToken[] = [];
  for (const [name, value] of Object.entries(role.headers)) {
    if (name.toLowerCase() === 'cookie') {
      for (const pair of value.split(';')) {
        const eq = pair.indexOf('=');
        const jwt = eq > 0 ? decodeJwtValue(decodeCookieValue(pair.slice(eq + 1))) : null;
        if (jwt) found.push({ ...jwt, role, place: { in: 'cookie', name: pair.slice(0, eq).trim(), prefix: '' } });
      }
      continue;
    }
    const prefix = tokenPrefix.exec(value)?.[0] ?? '';
    const jwt = decodeJwtValue(value.slice(prefix.length));
    if (jwt) found.push({ ...jwt, role, place: { in: 'header', name, prefix } });
  }
  return found;
}

/** The role's first JWT, or null when it sends none. */
export function roleToken(role: Role): RoleToken | null {
  return roleTokensOf(role)[0] ?? null;
}

export function roleTokens(roles: readonly Role[]): RoleToken[] {
  return roles.flatMap(roleTokensOf);
}
