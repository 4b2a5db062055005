import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import type { Role } from '../../types.js';

/** A role's bearer JWT, decoded without verification (faultline never holds the key). */
export interface RoleToken {
  readonly role: Role;
  readonly token: string;
  readonly header: ProtectedHeaderParameters;
  readonly claims: JWTPayload;
}

/** The JWT in the role's `Authorization: Bearer <jwt>` header (any case), or null when there is none. */
export function roleToken(role: Role): RoleToken | null {
  const entry = Object.entries(role.headers).find(([name]) => name.toLowerCase() === 'authorization');
  const token = entry ? /^Bearer\s+(\S+)\s*$/i.exec(entry[1])?.[1] : undefined;
  if (!token || token.split('.').length !== 3) return null;
  try {
    return { role, token, header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch {
    return null;
  }
}

export function roleTokens(roles: readonly Role[]): RoleToken[] {
  return roles.map(roleToken).filter((t): t is RoleToken => t !== null);
}

/** The first of `roles` that carries a JWT, tried in the given order. */
export function firstRoleToken(roles: readonly Role[]): RoleToken | null {
  for (const role of roles) {
    const token = roleToken(role);
    if (token) return token;
  }
  return null;
}
