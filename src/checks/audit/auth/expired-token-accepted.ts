import { defineCheck } from '../../define.js';
import type { Role } from '../../types.js';
import { signHmacToken } from './forge-token.js';
import { roleToken } from './role-token.js';
import { tokenTargets, acceptedTokenDraft, tryToken } from './token-probe.js';
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
    const forged = new Map<Role, string | null>();
    function expiredTokenOf(role: Role): string | null {
      if (!forged.has(role)) {
        const jwt = roleToken(role);
        const secret = jwt ? findWeakSecret(jwt.token, jwt.header.alg, candidates) : undefined;
        if (!jwt || secret === undefined) forged.set(role, null);
        else {
          const { exp, iat } = jwt.claims;
          const lifetime = typeof exp === 'number' && typeof iat === 'number' && exp > iat ? exp - iat : hourSeconds;
          const expired = Math.floor(Date.now() / 1000) - hourSeconds;
          const claims = { ...jwt.claims, exp: expired, iat: expired - lifetime, ...(jwt.claims.nbf !== undefined ? { nbf: expired - lifetime } : {}) };
          forged.set(role, signHmacToken({ ...jwt.header }, claims, secret));
        }
      }
      return forged.get(role)!;
    }
    for (const op of tokenTargets(spec, audit)) {
      const role = audit.rolesFor(op).allowed.find((r) => expiredTokenOf(r) !== null);
      if (!role) continue;
      const what = `the ${role.name} role's token re-signed with exp one hour in the past`;
      const outcome = await tryToken(spec, audit, op, expiredTokenOf(role)!, what);
      if (outcome.kind === 'stop') return;
      if (outcome.kind !== 'accepted') continue;
      yield acceptedTokenDraft(op, outcome.exchange, what, 'expired token');
    }
  },
});
