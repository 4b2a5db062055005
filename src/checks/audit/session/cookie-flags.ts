import { defineCheck } from '../../define.js';
import { evidenceOf } from '../evidence.js';
import { loginExchanges } from './session-operations.js';
import { isDeletion, isSessionLikeName, parseSetCookies } from './set-cookie.js';

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
    const now = Date.now();
    const isHttps = audit.target.startsWith('https:');
    const seen = new Set<string>();
    for (const exchange of audit.exchanges().filter((e) => e.response?.headers['set-cookie'])) {
      for (const cookie of parseSetCookies(exchange.response!.headers['set-cookie'])) {
        const key = `${exchange.operation ?? ''} ${cookie.name}`;
        if (seen.has(key) || isDeletion(cookie, now)) continue;
        const missing = ['HttpOnly', 'Secure', 'SameSite'].filter((flag) => !cookie.attributes.has(flag.toLowerCase()));
        if (missing.length === 0) continue;
        seen.add(key);
        const isSession = isSessionLikeName(cookie.name);
        // On a plain-http target a missing Secure is expected locally, but production runs on https.
        const isSerious = isSession && (missing.includes('HttpOnly') || missing.includes('SameSite') || isHttps);
        const loopbackNote = missing.includes('Secure') && !isHttps ? ' The target is plain http, but production will be https: set Secure anyway (browsers accept Secure cookies from localhost).' : '';
        yield {
          operation: exchange.operation,
          title: `Cookie ${cookie.name} set without ${missing.join(', ')}`,
          status: exchange.response!.status,
          severity: isSerious ? 'high' : 'medium',
          detail: `${exchange.request.method} ${new URL(exchange.request.url).pathname} sets ${isSession ? 'the session cookie' : 'cookie'} \`${cookie.raw}\` without ${missing.join(', ')}.${loopbackNote}`,
          evidence: [evidenceOf(exchange, `Set-Cookie: ${cookie.raw}`)],
        };
      }
    }
  },
});
