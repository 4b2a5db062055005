import { headerOf, type TrafficSample } from './types.js';

/** An OpenAPI security scheme object, as learnt. */
export type SchemeDefinition =
  | { readonly type: 'http'; readonly scheme: 'bearer' | 'basic'; readonly bearerFormat?: 'JWT' }
  | { readonly type: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly name: string };

/** One credential a request carried: the scheme it belongs to and the secret (kept only for redaction). */
export interface CredentialUse {
  readonly scheme: string;
  readonly definition: SchemeDefinition;
  readonly secret: string;
}

const apiKeyHeader = /^(x-)?(api[-_]?key|apikey|auth[-_]?token|access[-_]?token|api[-_]?token)$|api[-_]?key/i;
export const apiKeyQuery = /^(api[-_]?key|apikey|access[-_]?token|auth[-_]?token|token|key)$/i;
// Cookie names that carry a session or a token, whoever set them.
const sessionCookie = /sess|sid$|^sid|token|auth|jwt|login|remember/i;
const jwtShape = /^eyJ[\w-]*\.eyJ[\w-]*\./;

function camel(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word, i) => (i === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())).join('');
}

/** Cookie names the API itself set with HttpOnly: whatever they are called, they are its session. */
export function sessionCookiesSet(sample: TrafficSample): string[] {
  const names: string[] = [];
  for (const [name, value] of sample.responseHeaders) {
    if (name !== 'set-cookie') continue;
    for (const line of value.split('\n')) {
      const cookieName = line.split('=')[0]?.trim();
      if (cookieName && /;\s*httponly/i.test(line)) names.push(cookieName);
    }
  }
  return names;
}

/**
 * The credentials a request carried, by where they travel: the Authorization header (bearer, basic,
 * anything else as an API key in that header), API-key headers, API-key query parameters and session
 * cookies. Only the scheme is described; the secret is returned so that output can be redacted of it.
 */
export function credentialsOf(sample: TrafficSample, apiSessionCookies: ReadonlySet<string>): CredentialUse[] {
  const uses: CredentialUse[] = [];
  const authorization = headerOf(sample.requestHeaders, 'authorization');
  if (authorization) {
    const [, scheme = '', token = ''] = /^(\S+)\s+(.*)$/.exec(authorization.trim()) ?? [];
    if (/^bearer$/i.test(scheme)) uses.push({ scheme: 'bearerAuth', definition: { type: 'http', scheme: 'bearer', ...(jwtShape.test(token) ? { bearerFormat: 'JWT' as const } : {}) }, secret: token });
    else if (/^basic$/i.test(scheme)) uses.push({ scheme: 'basicAuth', definition: { type: 'http', scheme: 'basic' }, secret: token });
    else uses.push({ scheme: 'authorizationHeader', definition: { type: 'apiKey', in: 'header', name: 'Authorization' }, secret: authorization });
  }
  for (const [name, value] of sample.requestHeaders) {
    if (name !== 'authorization' && !/csrf|xsrf/i.test(name) && apiKeyHeader.test(name) && value !== '') {
      uses.push({ scheme: camel(name), definition: { type: 'apiKey', in: 'header', name }, secret: value });
    }
  }
  for (const [name, value] of sample.url.searchParams) {
    if (apiKeyQuery.test(name) && value !== '') uses.push({ scheme: `${camel(name)}Query`, definition: { type: 'apiKey', in: 'query', name }, secret: value });
  }
  const cookie = headerOf(sample.requestHeaders, 'cookie');
  if (cookie) {
    for (const pair of cookie.split(/;\s*/)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value !== '' && (apiSessionCookies.has(name) || sessionCookie.test(name))) {
        uses.push({ scheme: `${camel(name) || 'session'}Cookie`, definition: { type: 'apiKey', in: 'cookie', name }, secret: value });
      }
    }
  }
  return uses;
}
