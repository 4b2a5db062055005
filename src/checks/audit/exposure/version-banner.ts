import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { baselineProbes } from '../baseline.js';
import { evidenceOf } from '../evidence.js';
import { describePlaces } from '../places.js';

interface BannerHeader {
  readonly header: string;
  /** As servers usually spell it; recorded header names are lower-case. */
  readonly name: string;
  /** Whether a value without a version still tells something: the header exists to name the software. */
  readonly isAlwaysTelling: (value: string) => boolean;
}

// Server software an attacker can look vulnerabilities up for; CDN and edge ids ('cloudflare', 'ECS') are not listed.
const products = /\b(express|nginx|openresty|apache|httpd|kestrel|jetty|php|microsoft-iis|iis|tomcat|coyote|gunicorn|uvicorn|hypercorn|daphne|waitress|werkzeug|tornado|cherrypy|twisted|aiohttp|caddy|lighttpd|litespeed|undertow|wildfly|jboss|glassfish|weblogic|websphere|cowboy|puma|webrick|unicorn|passenger|node\.?js|python|wsgiserver|restify|hapi|fastify|koa|django|flask|rails|laravel|spring)\b/i;

const placeholders = /^(hidden|none|n\/a|-|redacted|unknown|private|secret|nothing|anonymous|\*+)?$/i;

const bannerHeaders: readonly BannerHeader[] = [
  { header: 'server', name: 'Server', isAlwaysTelling: (value) => products.test(value) },
  // Some servers keep the header but blank it on purpose ('X-Powered-By: hidden'): that names nothing.
  { header: 'x-powered-by', name: 'X-Powered-By', isAlwaysTelling: (value) => !placeholders.test(value.trim()) },
  { header: 'x-aspnet-version', name: 'X-AspNet-Version', isAlwaysTelling: () => true },
  { header: 'x-aspnetmvc-version', name: 'X-AspNetMvc-Version', isAlwaysTelling: () => true },
  { header: 'x-generator', name: 'X-Generator', isAlwaysTelling: () => true },
  { header: 'via', name: 'Via', isAlwaysTelling: () => false },
];
const maxValuesListed = 5;

/** 'nginx/1.18.0', 'PHP/8.1', 'Jetty(9.4.z)', '4.0.30319': a version number, but not an id such as 'ECS (dcb/7F84)'. */
function hasVersion(header: string, value: string): boolean {
  // Via starts every hop with the HTTP version it was received over ('1.1 varnish'); that reveals nothing.
  const text = header === 'via' ? value.split(',').map((hop) => hop.trim().replace(/^(HTTP\/)?\d(\.\d)?\s+/i, '')).join(', ') : value;
  return /\/v?\d+(\.\d+)*(?!\w)|\bv?\d+\.\d+/i.test(text) || (header.endsWith('-version') && /\d/.test(text));
}

export const versionBanner = defineCheck({
  id: 'exposure.version-banner',
  cause: 'public-exposure',
  kind: 'audit',
  severity: 'low',
  summary: 'Responses name the server software or framework, or its version',
  explanation:
    'Headers such as `Server: nginx/1.18.0` or `X-Powered-By: Express` tell every scanner which software runs the API (and with a version, which exact release), so known vulnerabilities can be tried at once and automated campaigns pick the host out by its banner.',
  remedy: 'Drop `X-Powered-By` and the ASP.NET version headers, and configure the server and proxies to name no product or version (`server_tokens off` in nginx, `ServerTokens Prod` in Apache, `AddServerHeader = false` in Kestrel, `app.disable("x-powered-by")` in Express).',
  async *run({ audit }) {
    await baselineProbes(audit);
    const seen = new Map<string, { values: Set<string>; exchanges: AuditExchange[]; isVersioned: boolean }>();
    for (const exchange of audit.exchanges()) {
      const headers = exchange.response?.headers ?? {};
      for (const { header, isAlwaysTelling } of bannerHeaders) {
        const value = headers[header]?.trim();
        if (!value) continue;
        const isVersioned = hasVersion(header, value);
        if (!isVersioned && !isAlwaysTelling(value)) continue;
        const entry = seen.get(header) ?? { values: new Set<string>(), exchanges: [], isVersioned: false };
        entry.values.add(value);
        entry.exchanges.push(exchange);
        // The evidence shows a versioned answer when there is one.
        if (isVersioned && !entry.isVersioned) entry.exchanges.unshift(entry.exchanges.pop()!);
        entry.isVersioned ||= isVersioned;
        seen.set(header, entry);
      }
    }
    for (const { header, name } of bannerHeaders) {
      const entry = seen.get(header);
      if (!entry) continue;
      const first = entry.exchanges[0]!;
      const values = [...entry.values].slice(0, maxValuesListed).map((v) => `\`${v}\``);
      yield {
        operation: null,
        severity: entry.isVersioned ? 'medium' : 'low',
        title: entry.isVersioned ? `The ${name} header reveals a software version` : `The ${name} header names the software behind the API`,
        detail: `Responses carry ${name}: ${values.join(', ')}${entry.values.size > maxValuesListed ? ' and more' : ''}, on ${describePlaces(entry.exchanges)}.`,
        evidence: [evidenceOf(first, `${name}: ${first.response?.headers[header] ?? ''}`)],
      };
    }
  },
});
