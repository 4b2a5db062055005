import { defineCheck } from '../../define.js';
import { roleTokens } from './role-token.js';

const maxLifetimeSeconds = 24 * 3600;

function duration(seconds: number): string {
  return seconds >= 2 * 86_400 ? `${Math.round(seconds / 86_400)} days` : `${Math.round(seconds / 3600)} hours`;
}

function plural(noun: string, names: readonly string[]): string {
  return `${noun}${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
}

export const jwtLifetime = defineCheck({
  id: 'auth.jwt-lifetime',
  cause: 'unsecured-endpoints',
  kind: 'audit',
  severity: 'medium',
  summary: 'Bearer token lives longer than 24 hours',
  explanation:
    'A bearer token works for whoever holds it until it expires. A long-lived or never-expiring access token that leaks (logs, proxies, browser storage, a lost laptop) stays usable for days, and revoking it needs machinery most APIs do not have.',
  remedy: 'Issue access tokens that live minutes to a few hours and renew them with refresh tokens (RFC 6749 §1.5) that can be revoked. Always set exp.',
  *run({ audit }) {
    const endless: string[] = [];
    const long: string[] = [];
    const now = Math.floor(Date.now() / 1000);
    for (const { role, claims } of roleTokens(audit.roles)) {
      if (typeof claims.exp !== 'number') endless.push(role.name);
      else {
        const lifetime = claims.exp - (typeof claims.iat === 'number' ? claims.iat : now);
        if (lifetime > maxLifetimeSeconds) long.push(`${role.name} (${duration(lifetime)}${typeof claims.iat === 'number' ? '' : ' from now, no iat'})`);
      }
    }
    if (endless.length > 0) {
      yield {
        operation: null,
        title: 'Bearer token never expires',
        severity: 'high',
        detail: `The JWT of ${plural('role', endless)} has no exp claim, so it works forever once issued.`,
      };
    }
    if (long.length > 0) {
      yield { operation: null, detail: `The JWT of ${plural('role', long)} lives longer than 24 hours (exp minus iat).` };
    }
  },
});
