import { defineCheck } from '../../define.js';
import { describePlace } from './credential-place.js';
import { signHmacToken } from './forge-token.js';
import { knownTokens, type KnownToken } from './known-tokens.js';
import { acceptedTokenDraft, tokensFor, tokenTargets, tryToken } from './token-probe.js';
import { findWeakSecret, nameVariants } from './weak-secrets.js';

const hourSeconds = 3600;

export const expiredTokenAccepted = defineCheck({
  id: 'auth.expired-token-accepted',
  cause: 'unsecured-endpoints',
  kind: 'audit',
  severity: 'high',
  summary: 'Secured operation accepts an expired token',
  explanation:
    'The API checks the token signature but not its exp claim, so a token keeps working forever once issued. A token leaked in a log, a browser history or an old device grants access long after it should have died.',
  remedy: 'Reject tokens whose exp has passed (allow at most a minute or two of clock skew) on every route, preferably in one shared verifier, and answer 401 with error="invalid_token".',
  async *run({ spec, audit }) {
    const candidates = nameVariants(spec.info.title);
    // Only a token whose HMAC secret faultline can recover can be re-signed with a past exp.
    const forged = new Map<KnownToken, string | null>();
    function expiredTokenOf(jwt: KnownToken): string | null {
      if (!forged.has(jwt)) {
        const secret = findWeakSecret(jwt.token, jwt.header.alg, candidates);
        if (secret === undefined) forged.set(jwt, null);
        else {
          const { exp, iat } = jwt.claims;
          const lifetime = typeof exp === 'number' && typeof iat === 'number' && exp > iat ? exp - iat : hourSeconds;
          const expired = Math.floor(Date.now() / 1000) - hourSeconds;
          const claims = { ...jwt.claims, exp: expired, iat: expired - lifetime, ...(jwt.claims.nbf !== undefined ? { nbf: expired - lifetime } : {}) };
          forged.set(jwt, signHmacToken({ ...jwt.header }, claims, secret));
        }
      }
      return forged.get(jwt)!;
    }
    const tokens = knownTokens(audit);
    for (const target of tokenTargets(spec, audit)) {
      const fitting = tokensFor(audit, target, tokens).find(({ token }) => expiredTokenOf(token) !== null);
      if (!fitting) continue;
      const what = `the JWT of ${fitting.token.holder} re-signed with exp one hour in the past (${describePlace(fitting.place)})`;
      const outcome = await tryToken(spec, audit, target.operation, fitting.place, expiredTokenOf(fitting.token)!, what);
      if (outcome.kind === 'stop') return;
      if (outcome.kind !== 'accepted') continue;
      yield acceptedTokenDraft(target.operation, outcome.exchange, what, 'expired token');
    }
  },
});
