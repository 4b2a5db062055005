import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { baselineProbes } from '../baseline.js';
import { evidenceOf } from '../evidence.js';
import { describePlaces, sharedOperation } from '../places.js';
import { loginExchanges, loginOperations } from './session-operations.js';
import { isDeletion, isSessionLikeName, lifetimeSeconds, parseSetCookies, type SetCookie } from './set-cookie.js';

const maxLifetimeSeconds = 30 * 24 * 3600;

export const cookieExpiry = defineCheck({
  id: 'session.cookie-expiry',
  cause: 'session-management',
  kind: 'audit',
  severity: 'low',
  summary: 'Session cookie has no expiry or lives longer than 30 days',
  explanation:
    'A session cookie without Max-Age or Expires lives until the browser quits, which on phones and restored tabs can be weeks; one that lives for months keeps a stolen or forgotten session usable long after the user left.',
  remedy: 'Give session cookies a Max-Age that matches the server-side session lifetime (hours, not months), and expire the session on the server too.',
  async *run({ spec, audit }) {
    const logins = new Set(loginOperations(spec).map((op) => op.key));
    await loginExchanges(spec, audit);
    await baselineProbes(audit);
    // One finding per cookie and problem, wherever it was set (see session.cookie-flags).
    const groups = new Map<string, { cookie: SetCookie; lifetime: number | null; exchanges: AuditExchange[] }>();
    for (const exchange of audit.exchanges()) {
      const response = exchange.response;
      if (!response?.headers['set-cookie']) continue;
      const dated = Date.parse(response.headers['date'] ?? '');
      const now = Number.isNaN(dated) ? Date.now() : dated;
      for (const cookie of parseSetCookies(response.headers['set-cookie'])) {
        const isSession = isSessionLikeName(cookie.name) || (exchange.operation !== null && logins.has(exchange.operation));
        if (!isSession || isDeletion(cookie, now)) continue;
        const lifetime = lifetimeSeconds(cookie, now);
        if (lifetime !== null && lifetime <= maxLifetimeSeconds) continue;
        const key = `${cookie.name}\u0000${lifetime === null}`;
        const group = groups.get(key) ?? { cookie, lifetime, exchanges: [] };
        group.exchanges.push(exchange);
        groups.set(key, group);
      }
    }
    for (const { cookie, lifetime, exchanges } of groups.values()) {
      const first = exchanges[0]!;
      const operation = sharedOperation(exchanges);
      const where = operation === null ? describePlaces(exchanges) : `${first.request.method} ${new URL(first.request.url).pathname}`;
      yield {
        operation,
        title: lifetime === null ? `Session cookie ${cookie.name} has no expiry` : `Session cookie ${cookie.name} lives longer than 30 days`,
        status: first.response!.status,
        severity: lifetime === null ? 'low' : 'medium',
        detail:
          lifetime === null
            ? `\`${cookie.raw}\` is set by ${where} with neither Max-Age nor Expires: it lives until the browser quits, however long that is.`
            : `\`${cookie.raw}\` is set by ${where} and lives ${Math.round(lifetime / 86400)} days (more than 30).`,
        evidence: [evidenceOf(first, `Set-Cookie: ${cookie.raw}`)],
      };
    }
  },
});
