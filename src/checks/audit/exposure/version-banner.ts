import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { evidenceOf } from '../evidence.js';

// Recorded header names are lower-case; the report shows them as servers usually spell them.
const bannerHeaders: readonly (readonly [string, string])[] = [
  ['server', 'Server'],
  ['x-powered-by', 'X-Powered-By'],
  ['x-aspnet-version', 'X-AspNet-Version'],
  ['x-aspnetmvc-version', 'X-AspNetMvc-Version'],
  ['x-generator', 'X-Generator'],
  ['via', 'Via'],
];
const maxValuesListed = 5;

/** 'nginx/1.18.0', 'PHP/8.1', 'Jetty(9.4.z)', '4.0.30319': a version number, but not an id such as 'ECS (dcb/7F84)'. */
function hasVersion(header: string, value: string): boolean {
  // Via starts every hop with the HTTP version it was received over ('1.1 varnish'); that reveals nothing.
  const text = header === 'via' ? value.split(',').map((hop) => hop.trim().replace(/^(HTTP\/)?\d(\.\d)?\s+/i, '')).join(', ') : value;
  return /\/v?\d+(\.\d+)*(?!\w)|\bv?\d+\.\d+/i.test(text);
}

export const versionBanner = defineCheck({
  id: 'exposure.version-banner',
  cause: 'public-exposure',
  kind: 'audit',
  severity: 'low',
  summary: 'Responses announce software versions',
  explanation:
    'Headers such as `Server: nginx/1.18.0` or `X-Powered-By: Express/4.17.1` tell every scanner which exact versions run the API, so known vulnerabilities of those versions can be tried at once and automated campaigns pick the host out by its banner.',
  remedy: 'Drop `X-Powered-By` and the ASP.NET version headers, and configure the server and proxies to send no version (`server_tokens off` in nginx, `ServerTokens Prod` in Apache, `app.disable("x-powered-by")` in Express).',
  *run({ audit }) {
    const seen = new Map<string, { values: Set<string>; first: AuditExchange }>();
    for (const exchange of audit.exchanges()) {
      const headers = exchange.response?.headers ?? {};
      for (const [header] of bannerHeaders) {
        const value = headers[header];
        if (value === undefined || !hasVersion(header, value)) continue;
        const entry = seen.get(header) ?? { values: new Set<string>(), first: exchange };
        entry.values.add(value);
        seen.set(header, entry);
      }
    }
    for (const [header, name] of bannerHeaders) {
      const entry = seen.get(header);
      if (!entry) continue;
      const values = [...entry.values].slice(0, maxValuesListed).map((v) => `\`${v}\``);
      yield {
        operation: null,
        title: `The ${name} header reveals a software version`,
        detail: `Responses carry ${name}: ${values.join(', ')}${entry.values.size > maxValuesListed ? ' and more' : ''}.`,
        evidence: [evidenceOf(entry.first, `${name}: ${entry.first.response?.headers[header] ?? ''}`)],
      };
    }
  },
});

