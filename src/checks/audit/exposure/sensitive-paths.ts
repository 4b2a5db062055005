import type { Severity } from '../../../core/severity.js';

/** A path that must never be public, and what its content looks like when it really is that file. */
export interface SensitivePath {
  readonly path: string;
  /** What is sent, when it differs from `path` (a query that asks for something specific). */
  readonly probe?: string;
  readonly severity: Severity;
  readonly what: string;
  /** The body must match, so a generic 200 page is not mistaken for the file. */
  readonly expect?: RegExp;
  /** True for API descriptions: harmless to publish on purpose, a finding only as "exposed on production". */
  readonly isApiDescription?: boolean;
}

const dotenv = /^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=/m;
const sqlDump = /(CREATE TABLE|INSERT INTO|-- (MySQL|MariaDB) dump|PostgreSQL database dump)/i;
const privateKey = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const apiDescription = /"(swagger|openapi)"\s*:\s*"\d/;

// At most 40 entries: each one is a request against the target.
export const sensitivePaths: readonly SensitivePath[] = [
  { path: '/.env', severity: 'critical', what: 'a dotenv file with environment secrets', expect: dotenv },
  { path: '/.env.local', severity: 'critical', what: 'a dotenv file with environment secrets', expect: dotenv },
  { path: '/.env.production', severity: 'critical', what: 'a dotenv file with environment secrets', expect: dotenv },
  { path: '/.git/config', severity: 'critical', what: 'the Git repository config (the whole source history can be downloaded)', expect: /\[core\]/ },
  { path: '/.git/HEAD', severity: 'high', what: 'the Git repository (the whole source history can be downloaded)', expect: /^ref: refs\/|^[0-9a-f]{40}\s*$/m },
  { path: '/.svn/entries', severity: 'high', what: 'the Subversion working copy metadata', expect: /^(\d+\s*$|<\?xml)/m },
  { path: '/.DS_Store', severity: 'medium', what: 'a macOS folder index listing file names', expect: /Bud1/ },
  { path: '/.htpasswd', severity: 'critical', what: 'password hashes', expect: /^[^:\s]+:(\$apr1\$|\$2[aby]?\$|\{SHA\}|\$[156]\$|[A-Za-z0-9./]{13}$)/m },
  { path: '/.npmrc', severity: 'critical', what: 'an npm config with a registry token', expect: /_authToken|_auth\s*=/ },
  { path: '/.aws/credentials', severity: 'critical', what: 'AWS access keys', expect: /aws_access_key_id/i },
  { path: '/id_rsa', severity: 'critical', what: 'an SSH private key', expect: privateKey },
  { path: '/.ssh/id_rsa', severity: 'critical', what: 'an SSH private key', expect: privateKey },
  { path: '/server.key', severity: 'critical', what: 'a TLS private key', expect: privateKey },
  { path: '/wp-config.php.bak', severity: 'critical', what: 'a WordPress config backup with database credentials', expect: /DB_PASSWORD|define\s*\(/ },
  { path: '/config.json', severity: 'high', what: 'an application config file', expect: /^\s*\{[\s\S]*"\w+"\s*:/ },
  { path: '/docker-compose.yml', severity: 'high', what: 'the service composition (images, ports, environment)', expect: /^services:|^version:\s*['"]?\d/m },
  { path: '/backup.sql', severity: 'critical', what: 'a database dump', expect: sqlDump },
  { path: '/dump.sql', severity: 'critical', what: 'a database dump', expect: sqlDump },
  { path: '/debug', severity: 'high', what: 'a debug page' },
  { path: '/debug/vars', severity: 'high', what: 'Go expvar-style process internals', expect: /"(cmdline|memstats)"\s*:/ },
  { path: '/debug/pprof/', severity: 'high', what: 'the Go profiler (heap, goroutines, CPU profiles on demand)', expect: /goroutine|heap|profile/i },
  { path: '/actuator', severity: 'high', what: 'the Spring Boot actuator index', expect: /"_links"\s*:/ },
  { path: '/actuator/env', severity: 'high', what: 'the Spring Boot environment (properties, often credentials)', expect: /"(propertySources|activeProfiles)"\s*:/ },
  { path: '/actuator/heapdump', severity: 'critical', what: 'a JVM heap dump (every secret in memory)', expect: /JAVA PROFILE/ },
  { path: '/server-status', severity: 'high', what: 'the Apache server status page (clients, URLs being served)', expect: /Apache Server Status|Server uptime/i },
  { path: '/phpinfo.php', severity: 'high', what: 'a phpinfo() page (configuration and environment)', expect: /phpinfo\(\)|PHP Version/i },
  { path: '/elmah.axd', severity: 'high', what: 'the ELMAH error log (stack traces, cookies)', expect: /Error Log for/i },
  { path: '/trace', severity: 'high', what: 'a request trace dump (headers of recent requests)', expect: /^\s*[[{]/ },
  { path: '/console', severity: 'high', what: 'an interactive server console' },
  { path: '/admin/', severity: 'high', what: 'an undocumented admin area' },
  { path: '/metrics', severity: 'medium', what: 'process and business metrics', expect: /^# (HELP|TYPE) /m },
  { path: '/graphql', probe: '/graphql?query=%7B__schema%7Btypes%7Bname%7D%7D%7D', severity: 'medium', what: 'GraphQL introspection (the whole schema)', expect: /"__schema"\s*:/ },
  { path: '/swagger.json', severity: 'medium', what: 'the API description', expect: apiDescription, isApiDescription: true },
  { path: '/openapi.json', severity: 'medium', what: 'the API description', expect: apiDescription, isApiDescription: true },
  { path: '/api-docs', severity: 'medium', what: 'the API description', expect: apiDescription, isApiDescription: true },
  { path: '/v2/api-docs', severity: 'medium', what: 'the API description', expect: apiDescription, isApiDescription: true },
  { path: '/v3/api-docs', severity: 'medium', what: 'the API description', expect: apiDescription, isApiDescription: true },
];
