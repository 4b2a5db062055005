import type { Evidence, Finding, RecordedRequest, RecordedResponse, Report } from './finding.js';

/** One secret faultline was given (a credential header value) and the names it is shown under. */
export interface Secret {
  readonly value: string;
  /** Shown instead of the value: «redacted:<label>». */
  readonly label: string;
  /** The environment variable a redacted curl line reads the value from. */
  readonly envVar: string;
}

// Headers whose values are credentials whatever their origin (config, a forged token, a session cookie).
const credentialHeader = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-csrf-token|x-xsrf-token)$|(api[-_]?key|token|secret|password)/i;
// Query parameters and JSON keys that carry secrets by name.
const secretName = /^(api[-_]?key|apikey|key|token|access[-_]?token|refresh[-_]?token|id[-_]?token|secret|client[-_]?secret|password|passwd|pwd|signature|sig|session[-_]?id|sid|auth|authorization|credentials?|private[-_]?key)$|(password|secret|token|api[-_]?key)$/i;
const jwtPattern = /\beyJ[\w-]*\.eyJ[\w-]*\.[\w-]+/g;

export function placeholder(label: string): string {
  return `«redacted:${label}»`;
}

export function envVarFor(role: string, header: string): string {
  const short = header.toLowerCase() === 'authorization' ? 'AUTH' : header;
  return `FAULTLINE_${role}_${short}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

/** The secrets of configured roles: every header value, and the bare token of `Bearer x`/`Basic x`. */
export function secretsFromCredentials(credentials: readonly { name: string; headers: Readonly<Record<string, string>> }[]): Secret[] {
  const secrets: Secret[] = [];
  for (const credential of credentials) {
    for (const [header, value] of Object.entries(credential.headers)) {
      if (!value) continue;
      const label = `${credential.name}-${header.toLowerCase() === 'authorization' ? 'token' : header.toLowerCase()}`;
      const envVar = envVarFor(credential.name, header);
      secrets.push({ value, label, envVar });
      const bare = /^(Bearer|Basic|Token|Digest)\s+(.+)$/i.exec(value)?.[2];
      if (bare) secrets.push({ value: bare, label, envVar });
    }
  }
  // Longest first, so a header value is replaced whole before its token part.
  return secrets.sort((a, b) => b.value.length - a.value.length);
}

/**
 * Replaces credentials in everything faultline writes. Known secret values (and their base64 forms)
 * become «redacted:<label>»; credential headers, secret-named query parameters and JSON keys are
 * redacted by name; JWTs keep their header and claims (needed to explain a finding) but lose their
 * signature; curl lines read the value from an environment variable so they still reproduce.
 */
export class Redactor {
  private readonly replacements: { find: string; secret: Secret; shown: string }[] = [];

  constructor(readonly secrets: readonly Secret[]) {
    for (const secret of secrets) {
      if (secret.value.length < 4) continue;
      // A JWT keeps its header and claims (they explain findings); only its signature is secret.
      const shown = jwtPattern.test(secret.value)
        ? secret.value.replace(jwtPattern, (jwt) => `${jwt.slice(0, jwt.lastIndexOf('.'))}.${placeholder(`${secret.label}-signature`)}`)
        : placeholder(secret.label);
      jwtPattern.lastIndex = 0;
      this.replacements.push({ find: secret.value, secret, shown });
      this.replacements.push({ find: Buffer.from(secret.value).toString('base64'), secret, shown: placeholder(secret.label) });
      this.replacements.push({ find: encodeURIComponent(secret.value), secret, shown });
    }
  }

  /** Replace known secret values and JWT signatures inside any text. */
  text(input: string): string {
    let out = input;
    for (const { find, shown } of this.replacements) if (out.includes(find)) out = out.split(find).join(shown);
    return redactJwtSignatures(out);
  }

  headers(headers: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) out[name] = this.header(name, value);
    return out;
  }

  private header(name: string, value: string): string {
    const known = this.text(value);
    if (known.includes('«redacted:') && !/^[^«]*«redacted:jwt-signature»$/.test(known.replace(/^\S+\s+/, ''))) return known;
    return this.headerByName(name, known);
  }

  private headerByName(name: string, value: string): string {
    if (!credentialHeader.test(name) || value.includes('«redacted:')) return value;
    const lower = name.toLowerCase();
    if (lower === 'set-cookie' || lower === 'cookie') return redactCookies(value, lower === 'set-cookie');
    const scheme = /^(Bearer|Basic|Token|Digest)\s+/i.exec(value)?.[0] ?? '';
    const credential = value.slice(scheme.length);
    // A JWT keeps its decoded parts; anything else is replaced whole.
    if (/^eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*$/.test(credential)) return `${scheme}${credential.slice(0, credential.lastIndexOf('.'))}.${placeholder('jwt-signature')}`;
    return `${scheme}${placeholder(`header-${lower}`)}`;
  }

  url(url: string): string {
    return this.urlByName(this.text(url));
  }

  private urlByName(known: string): string {
    const queryStart = known.indexOf('?');
    if (queryStart === -1) return known;
    const query = known.slice(queryStart + 1).split('&').map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeURIComponentSafe(eq === -1 ? pair : pair.slice(0, eq));
      return eq !== -1 && secretName.test(name) && !pair.includes(marker) && !pair.includes('%C2%ABredacted') ? `${pair.slice(0, eq)}=${encodeURIComponent(placeholder(`query-${name}`))}` : pair;
    });
    return `${known.slice(0, queryStart)}?${query.join('&')}`;
  }

  body(body: string, contentType = ''): string {
    return this.bodyByName(this.text(body), contentType);
  }

  private bodyByName(known: string, contentType = ''): string {
    if (/json/i.test(contentType) || /^\s*[{[]/.test(known)) {
      try {
        return JSON.stringify(redactJson(JSON.parse(known) as unknown));
      } catch {
        return known;
      }
    }
    if (/x-www-form-urlencoded/i.test(contentType)) {
      const params = new URLSearchParams(known);
      for (const [name, value] of [...params.entries()]) if (secretName.test(name) && !value.includes(marker)) params.set(name, placeholder(`body-${name}`));
      return params.toString();
    }
    return known;
  }

  request(request: RecordedRequest): RecordedRequest {
    return {
      ...request,
      url: this.url(request.url),
      headers: this.headers(request.headers),
      ...(request.body !== undefined ? { body: this.body(request.body, request.headers['content-type']) } : {}),
    };
  }

  response(response: RecordedResponse): RecordedResponse {
    return {
      ...response,
      headers: this.headers(response.headers),
      ...(response.body !== undefined ? { body: this.body(response.body, response.headers['content-type']) } : {}),
    };
  }

  /** A curl line whose known secrets come from environment variables, so it still reproduces. */
  curl(curl: string): string {
    // Known secrets become numbered markers first, so the by-name passes leave them for the splice.
    const envVars: string[] = [];
    let out = curl;
    for (const { find, secret } of this.replacements) {
      if (!out.includes(find)) continue;
      out = out.split(find).join(`${marker}${envVars.length}${marker}`);
      envVars.push(secret.envVar);
    }
    out = out.replace(/(-H ')([^:']+): ([^']*)'/g, (match, start: string, name: string, value: string) =>
      value.includes(marker) ? match : `${start}${name}: ${this.headerByName(name, value)}'`);
    // The URL and a JSON or form body: secret-named parameters and keys, as in the evidence.
    out = out.replace(/^(curl .*? -X \S+ )'([^']*)'/, (_, start: string, url: string) => `${start}'${this.urlByName(url).replace(/'/g, "'\\''")}'`);
    out = out.replace(/--data-binary '((?:[^']|'\\'')*)'/, (_, quoted: string) => `--data-binary '${this.bodyByName(quoted.replace(/'\\''/g, "'")).replace(/'/g, "'\\''")}'`);
    out = redactJwtSignatures(out);
    // toCurl single-quotes every argument: end the quote, splice the variable in double quotes, reopen.
    return out.replace(new RegExp(`${marker}(\\d+)${marker}`, 'g'), (_, index: string) => `'"$${envVars[Number(index)]}"'`);
  }

  evidence(evidence: Evidence): Evidence {
    return {
      ...evidence,
      request: this.request(evidence.request),
      response: evidence.response ? this.response(evidence.response) : null,
      curl: this.curl(evidence.curl),
      ...(evidence.error !== undefined ? { error: this.text(evidence.error) } : {}),
      ...(evidence.note !== undefined ? { note: this.text(evidence.note) } : {}),
    };
  }

  finding(finding: Finding): Finding {
    return {
      ...finding,
      title: this.text(finding.title),
      detail: this.text(finding.detail),
      evidence: finding.evidence.map((e) => this.evidence(e)),
    };
  }

  report(report: Report): Report {
    return {
      ...report,
      ...(report.target !== undefined ? { target: this.url(report.target) } : {}),
      findings: report.findings.map((f) => this.finding(f)),
      notes: report.notes.map((n) => this.text(n)),
    };
  }
}

const marker = '\u0000';

function redactJwtSignatures(text: string): string {
  return text.replace(jwtPattern, (jwt) => `${jwt.slice(0, jwt.lastIndexOf('.'))}.${placeholder('jwt-signature')}`);
}

function redactCookies(value: string, isSetCookie: boolean): string {
  return value
    .split(isSetCookie ? '\n' : /;\s*/)
    .map((cookie) => {
      const [pair = '', ...attributes] = isSetCookie ? cookie.split(';') : [cookie];
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair.trim() : pair.slice(0, eq).trim();
      return [`${name}=${placeholder(`cookie-${name}`)}`, ...attributes].join(';');
    })
    .join(isSetCookie ? '\n' : '; ');
}

function redactJson(value: unknown, depth = 0): unknown {
  if (depth > 50 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactJson(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    out[key] = secretName.test(key) && (typeof child === 'string' || typeof child === 'number') && !String(child).includes(marker) && !String(child).includes('«redacted:') ? placeholder(`body-${key}`) : redactJson(child, depth + 1);
  }
  return out;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
