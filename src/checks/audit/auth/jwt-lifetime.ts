import { defineCheck } from '../../define.js';
import type { FindingDraft } from '../../types.js';
import { evidenceOf } from '../evidence.js';
import { knownTokens, type KnownToken } from './known-tokens.js';

const maxLifetimeSeconds = 24 * 3600;
const endlessTitle = 'Access token never expires';

function duration(seconds: number): string {
  return seconds >= 2 * 86_400 ? `${Math.round(seconds / 86_400)} days` : `${Math.round(seconds / 3600)} hours`;
}

function plural(noun: string, names: readonly string[]): string {
  return `${noun}${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
}

/** Seconds from iat (or from when faultline saw it) to exp; null without exp. */
function lifetimeOf(token: KnownToken): { seconds: number; hasIat: boolean } | null {
  const { exp, iat } = token.claims;
  if (typeof exp !== 'number') return null;
  const seen = Math.floor((token.exchange?.timings.startedAt ?? Date.now()) / 1000);
  return { seconds: exp - (typeof iat === 'number' ? iat : seen), hasIat: typeof iat === 'number' };
}

/** One finding per issuing operation, with the response that handed the token out as evidence. */
function issuedDraft(token: KnownToken, lifetime: { seconds: number; hasIat: boolean } | null): FindingDraft | null {
  const exchange = token.exchange!;
  const where = token.holder;
  if (lifetime === null) {
    return { operation: exchange.operation, title: endlessTitle, severity: 'high', detail: `The JWT that ${where} hands out has no exp claim, so it works forever once issued.`, evidence: [evidenceOf(exchange, 'issues a JWT without exp')] };
  }
  if (lifetime.seconds <= maxLifetimeSeconds) return null;
  const span = `${duration(lifetime.seconds)}${lifetime.hasIat ? '' : ' from issue, no iat'}`;
  return { operation: exchange.operation, detail: `The JWT that ${where} hands out lives ${span} (exp minus iat), longer than 24 hours.`, evidence: [evidenceOf(exchange, `issues a JWT that lives ${span}`)] };
}

export const jwtLifetime = defineCheck({
  id: 'auth.jwt-lifetime',
  cause: 'unsecured-endpoints',
  kind: 'audit',
  severity: 'medium',
  summary: 'Access token lives longer than 24 hours',
  explanation:
    'A bearer token works for whoever holds it until it expires. A long-lived or never-expiring access token that leaks (logs, proxies, browser storage, a lost laptop) stays usable for days, and revoking it needs machinery most APIs do not have.',
  remedy: 'Issue access tokens that live minutes to a few hours and renew them with refresh tokens (RFC 6749 §1.5) that can be revoked. Always set exp.',
  *run({ audit }) {
    const endless: string[] = [];
    const long: string[] = [];
    for (const token of knownTokens(audit)) {
      const lifetime = lifetimeOf(token);
      if (token.role === null) {
        const draft = issuedDraft(token, lifetime);
        if (draft) yield draft;
      } else if (lifetime === null) endless.push(token.role.name);
      else if (lifetime.seconds > maxLifetimeSeconds) long.push(`${token.role.name} (${duration(lifetime.seconds)}${lifetime.hasIat ? '' : ' from now, no iat'})`);
    }
    if (endless.length > 0) {
      yield { operation: null, title: endlessTitle, severity: 'high', detail: `The JWT of ${plural('role', endless)} has no exp claim, so it works forever once issued.` };
    }
    if (long.length > 0) {
      yield { operation: null, detail: `The JWT of ${plural('role', long)} lives longer than 24 hours (exp minus iat).` };
    }
  },
});
