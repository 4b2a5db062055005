import { defineCheck } from '../../define.js';
import { unsignedToken } from './forge-token.js';
import { firstRoleToken } from './role-token.js';
import { tokenTargets, acceptedTokenDraft, tryToken } from './token-probe.js';

export const jwtAlgNone = defineCheck({
  id: 'auth.jwt-alg-none',
  cause: 'unsecured-endpoints',
  kind: 'audit',
  severity: 'critical',
  summary: 'Secured operation accepts an unsigned JWT (alg: none)',
  explanation:
    'The token verifier trusts the algorithm named in the token itself, so a token with "alg": "none" and no signature passes. Anyone can write their own claims (any user, any scope) and be believed.',
  remedy: 'Pin the accepted algorithms on the verifier (e.g. jose jwtVerify(token, key, { algorithms: ["HS256"] })) and never accept "none". Add a test that sends an unsigned token.',
  async *run({ spec, audit }) {
    for (const op of tokenTargets(spec, audit)) {
      const jwt = firstRoleToken(audit.rolesFor(op).allowed);
      if (!jwt) continue;
      const what = `the ${jwt.role.name} role's claims re-encoded with alg none and an empty signature`;
      const outcome = await tryToken(spec, audit, op, unsignedToken(jwt.claims), what);
      if (outcome.kind === 'stop') return;
      if (outcome.kind !== 'accepted') continue;
      yield acceptedTokenDraft(op, outcome.exchange, what, 'unsigned token (alg: none)');
    }
  },
});
