import type { AuditExchange, AuditServices, Role } from '../../types.js';
import type { CredentialPlace } from './credential-place.js';
import { issuedTokens } from './issued-token.js';
import { roleTokens, type DecodedJwt } from './role-token.js';

/** A JWT faultline can judge: one a role sends, or one the API issued in the traffic. */
export interface KnownToken extends DecodedJwt {
  /** The role that sends it; null for a token the API issued. */
  readonly role: Role | null;
  /** Who holds it, as a detail says it: 'role admin', 'POST /users/login (user.token)'. */
  readonly holder: string;
  /** Where it is sent; null for an issued token the API may expect in any place its schemes read. */
  readonly place: CredentialPlace | null;
  /** For an issued token: the response that carried it. */
  readonly exchange?: AuditExchange;
}

/**
 * The distinct JWTs of the audit, the roles' first. An operation issues a new token on every call, so
 * only the first one of each operation and field is kept: the rest say the same thing.
 */
export function knownTokens(audit: AuditServices): KnownToken[] {
  const tokens: KnownToken[] = [];
  const seen = new Set<string>();
  function add(token: KnownToken): void {
    if (seen.has(token.token) || seen.has(token.holder)) return;
    seen.add(token.token).add(token.holder);
    tokens.push(token);
  }
  for (const token of roleTokens(audit.roles)) add({ ...token, holder: `role ${token.role.name}` });
  for (const token of issuedTokens(audit)) {
    const { request, operation } = token.exchange;
    const where = operation ?? `${request.method} ${new URL(request.url).pathname}`;
    add({ ...token, role: null, holder: `${where} (${token.field})` });
  }
  return tokens;
}
