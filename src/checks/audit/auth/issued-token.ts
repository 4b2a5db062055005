import type { AuditExchange, AuditServices } from '../../types.js';
import { parseSetCookies } from '../session/set-cookie.js';
import { tokenPrefix, type CredentialPlace } from './credential-place.js';
import { decodeCookieValue, decodeJwtValue, type DecodedJwt } from './role-token.js';

/** A JWT the API handed out in a response: a login's body, a token header, a Set-Cookie. */
export interface IssuedToken extends DecodedJwt {
  /** The exchange whose response carried it (evidence for findings about it). */
  readonly exchange: AuditExchange;
  /** Where in the response: 'user.token', 'header x-auth-token', 'cookie jwt'. */
  readonly field: string;
  /** Where the API expects it back when that is known (a cookie is sent back as itself); null otherwise. */
  readonly place: CredentialPlace | null;
}

// Access and ID tokens by the names APIs give them ('token', 'access_token', 'idToken', 'jwt', DRF's 'access').
// Refresh tokens live long by design, and CSRF tokens are no credential.
const tokenName = /(token|jwt)$|^(access|bearer)$/i;
const notAccessToken = /refresh|csrf|xsrf/i;
const maxDepth = 8;
const maxItems = 20;

function fromJson(value: unknown, path: string, depth: number, out: { field: string; value: string }[]): void {
  if (depth > maxDepth || value === null || typeof value !== 'object') return;
  const entries = Array.isArray(value) ? value.slice(0, maxItems).map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const field = path ? `${path}.${key}` : key;
    if (typeof child === 'string') {
      if (!Array.isArray(value) && tokenName.test(key) && !notAccessToken.test(key)) out.push({ field, value: child.replace(tokenPrefix, '') });
    } else fromJson(child, field, depth + 1, out);
  }
}

/** The JWTs one response hands out. */
function issuedBy(exchange: AuditExchange): IssuedToken[] {
  const response = exchange.response;
  if (!response || response.status >= 400) return [];
  const candidates: { field: string; value: string; place: CredentialPlace | null }[] = [];
  const fields: { field: string; value: string }[] = [];
  fromJson(response.json, '', 0, fields);
  candidates.push(...fields.map((f) => ({ ...f, place: null })));
  for (const [name, value] of Object.entries(response.headers)) {
    if ((name === 'authorization' || /token|jwt/i.test(name)) && !notAccessToken.test(name)) candidates.push({ field: `header ${name}`, value: value.replace(tokenPrefix, ''), place: null });
  }
  for (const cookie of parseSetCookies(response.headers['set-cookie'])) {
    if (notAccessToken.test(cookie.name)) continue;
    candidates.push({ field: `cookie ${cookie.name}`, value: decodeCookieValue(cookie.value), place: { in: 'cookie', name: cookie.name, prefix: '' } });
  }
  // A token the request itself carried is echoed, not issued (a profile that returns the caller's token).
  const sent = Object.values(exchange.request.headers).join('\n');
  return candidates.flatMap(({ field, value, place }) => {
    const jwt = decodeJwtValue(value);
    return jwt && !sent.includes(jwt.token) ? [{ ...jwt, exchange, field, place }] : [];
  });
}

/** Every JWT the API handed out in the audit's traffic so far, in the order it was seen. */
export function issuedTokens(audit: AuditServices): IssuedToken[] {
  return audit.exchanges().flatMap(issuedBy);
}
