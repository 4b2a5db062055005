import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';
import { loginExchanges, loginOperations } from './session-operations.js';
import { isDeletion, isSessionLikeName, lifetimeSeconds, parseSetCookies } from './set-cookie.js';

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
    const seen = new Set<string>();
    for (const exchange of audit.exchanges()) {
      const response = exchange.response;
      if (!response?.headers['set-cookie']) continue;
      const dated = Date.parse(response.headers['date'] ?? '');
      const now = Number.isNaN(dated) ? Date.now() : dated;
      for (const cookie of parseSetCookies(response.headers['set-cookie'])) {
        const key = `${exchange.operation ?? ''} ${cookie.name}`;
        const isSession = isSessionLikeName(cookie.name) || (exchange.operation !== null && logins.has(exchange.operation));
        if (!isSession || seen.has(key) || isDeletion(cookie, now)) continue;
        const lifetime = lifetimeSeconds(cookie, now);
        if (lifetime !== null && lifetime <= maxLifetimeSeconds) continue;
        seen.add(key);
        const where = `${exchange.request.method} ${new URL(exchange.request.url).pathname}`;
        yield {
          operation: exchange.operation,
          title: lifetime === null ? `Session cookie ${cookie.name} has no expiry` : `Session cookie ${cookie.name} lives longer than 30 days`,
          status: response.status,
          severity: lifetime === null ? 'low' : 'medium',
          detail:
            lifetime === null
              ? `${where} sets \`${cookie.raw}\` with neither Max-Age nor Expires: it lives until the browser quits, however long that is.`
              : `${where} sets \`${cookie.raw}\`, which lives ${Math.round(lifetime / 86400)} days (more than 30).`,
          evidence: [evidenceOf(exchange, `Set-Cookie: ${cookie.raw}`)],
        };
      }
    }
  },
});
