import { defineCheck } from '../../define.js';
import { describePlace } from './credential-place.js';
import { unsignedToken } from './forge-token.js';
import { knownTokens } from './known-tokens.js';
import { acceptedTokenDraft, tokensFor, tokenTargets, tryToken } from './token-probe.js';

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
    const tokens = knownTokens(audit);
    for (const target of tokenTargets(spec, audit)) {
      const fitting = tokensFor(audit, target, tokens)[0];
      if (!fitting) continue;
      const what = `the claims of the JWT of ${fitting.token.holder} re-encoded with alg none and an empty signature (${describePlace(fitting.place)})`;
      const outcome = await tryToken(spec, audit, target.operation, fitting.place, unsignedToken(fitting.token.claims), what);
      if (outcome.kind === 'stop') return;
      if (outcome.kind !== 'accepted') continue;
      yield acceptedTokenDraft(target.operation, outcome.exchange, what, 'unsigned token (alg: none)');
    }
  },
});
