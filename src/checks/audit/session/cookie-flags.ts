import { defineCheck } from '../../define.js';
import type { AuditExchange } from '../../types.js';
import { baselineProbes } from '../baseline.js';
import { evidenceOf } from '../evidence.js';
import { describePlaces, sharedOperation } from '../places.js';
import { loginExchanges } from './session-operations.js';
import { isDeletion, isSessionLikeName, parseSetCookies, type SetCookie } from './set-cookie.js';

const flags = ['HttpOnly', 'Secure', 'SameSite'];

export const cookieFlags = defineCheck({
  id: 'session.cookie-flags',
  cause: 'session-management',
  kind: 'audit',
  severity: 'medium',
  summary: 'Cookie set without HttpOnly, Secure or SameSite',
  explanation:
    'Without HttpOnly any injected script can read the cookie; without Secure it travels in clear text over any http link; without SameSite other sites can make the browser send it (CSRF). A stolen session cookie is a stolen account.',
  remedy: 'Set session cookies as `__Host-<name>=…; Path=/; HttpOnly; Secure; SameSite=Lax` (or Strict), in the framework\'s session options rather than by hand.',
  async *run({ spec, audit }) {
    await loginExchanges(spec, audit);
    await baselineProbes(audit);
    const now = Date.now();
    const isHttps = audit.target.startsWith('https:');
    // One finding per cookie and missing set, wherever it was set: a middleware that sets it on every
    // response is one problem, not one per operation.
    const groups = new Map<string, { cookie: SetCookie; missing: string[]; exchanges: AuditExchange[] }>();
    for (const exchange of audit.exchanges().filter((e) => e.response?.headers['set-cookie'])) {
      for (const cookie of parseSetCookies(exchange.response!.headers['set-cookie'])) {
        if (isDeletion(cookie, now)) continue;
        const missing = flags.filter((flag) => !cookie.attributes.has(flag.toLowerCase()));
        if (missing.length === 0) continue;
        const key = `${cookie.name}\u0000${missing.join()}`;
        const group = groups.get(key) ?? { cookie, missing, exchanges: [] };
        group.exchanges.push(exchange);
        groups.set(key, group);
      }
    }
    for (const { cookie, missing, exchanges } of groups.values()) {
      const first = exchanges[0]!;
      const operation = sharedOperation(exchanges);
      const isSession = isSessionLikeName(cookie.name);
      // On a plain-http target a missing Secure is expected locally, but production runs on https.
      const isSerious = isSession && (missing.includes('HttpOnly') || missing.includes('SameSite') || isHttps);
      const loopbackNote = missing.includes('Secure') && !isHttps ? ' The target is plain http, but production will be https: set Secure anyway (browsers accept Secure cookies from localhost).' : '';
      const where = operation === null ? describePlaces(exchanges) : `${first.request.method} ${new URL(first.request.url).pathname}`;
      yield {
        operation,
        title: `Cookie ${cookie.name} set without ${missing.join(', ')}`,
        status: first.response!.status,
        severity: isSerious ? 'high' : 'medium',
        detail: `${isSession ? 'The session cookie' : 'Cookie'} \`${cookie.raw}\` is set without ${missing.join(', ')} by ${where}.${loopbackNote}`,
        evidence: [evidenceOf(first, `Set-Cookie: ${cookie.raw}`)],
      };
    }
  },
});
