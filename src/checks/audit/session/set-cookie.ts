/** One `Set-Cookie` line, parsed as RFC 6265 §5.2 describes (attribute names case-insensitive). */
export interface SetCookie {
  readonly name: string;
  readonly value: string;
  /** Lower-case attribute name → value ('' for flags such as HttpOnly). */
  readonly attributes: ReadonlyMap<string, string>;
  readonly raw: string;
}

/** Every cookie in a recorded `set-cookie` header (the recorder joins repeated headers with '\n'). */
export function parseSetCookies(header: string | undefined): SetCookie[] {
  if (!header) return [];
  const cookies: SetCookie[] = [];
  for (const line of header.split('\n')) {
    const [pair = '', ...rest] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const attributes = new Map<string, string>();
    for (const part of rest) {
      const at = part.indexOf('=');
      const name = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
      if (name) attributes.set(name, at < 0 ? '' : part.slice(at + 1).trim());
    }
    cookies.push({ name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes, raw: line.trim() });
  }
  return cookies;
}

/**
 * Seconds the cookie lives from `now`, null when it has neither Max-Age nor Expires (a browser-session
 * cookie). Max-Age wins over Expires (RFC 6265 §5.3 step 3).
 */
export function lifetimeSeconds(cookie: SetCookie, nowMs: number): number | null {
  const maxAge = cookie.attributes.get('max-age');
  if (maxAge !== undefined && /^-?\d+$/.test(maxAge)) return Number(maxAge);
  const expires = cookie.attributes.get('expires');
  if (expires === undefined) return null;
  const at = Date.parse(expires);
  return Number.isNaN(at) ? null : Math.round((at - nowMs) / 1000);
}

/** A cookie the server sends to delete one in the browser: empty value, or already expired. */
export function isDeletion(cookie: SetCookie, nowMs: number): boolean {
  const lifetime = lifetimeSeconds(cookie, nowMs);
  return cookie.value === '' || cookie.value === '""' || (lifetime !== null && lifetime <= 0);
}

const sessionNames = /(^|[-_.])(sid|sess|session|sessionid|connect\.sid|jsessionid|phpsessid|auth|token|jwt|access[-_]?token|refresh[-_]?token)($|[-_.])/i;

/** Names frameworks and people give session and auth cookies ('sid', '__Host-sid', 'connect.sid', 'auth_token'). */
export function isSessionLikeName(name: string): boolean {
  const bare = name.replace(/^__(Host|Secure)-/i, '');
  return sessionNames.test(bare) || /^(connect\.sid|jsessionid|phpsessid|aspsessionid\w*)$/i.test(bare);
}

/** The `Cookie` request header that sends back every live cookie a response set. */
export function cookieHeaderOf(cookies: readonly SetCookie[], nowMs: number): string {
  return cookies.filter((c) => !isDeletion(c, nowMs)).map((c) => `${c.name}=${c.value}`).join('; ');
}
