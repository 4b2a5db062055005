import { defineCheck } from '../../define.js';
import { describePlace } from './credential-place.js';
import { withAlteredSignature } from './forge-token.js';
import { knownTokens } from './known-tokens.js';
import { acceptedTokenDraft, garbageNote, tokensFor, tokenTargets, tryGarbage, tryToken } from './token-probe.js';

export const invalidTokenAccepted = defineCheck({
  id: 'auth.invalid-token-accepted',
  cause: 'unsecured-endpoints',
  kind: 'audit',
  severity: 'critical',
  summary: 'Secured operation accepts an invalid token',
  explanation:
    'The API lets a request through because a credential is present, without verifying the token (or its signature). Anyone can then call it with made-up or tampered credentials, and tampered claims (another user, more scopes) are believed.',
  remedy: 'Verify every token before use: signature with a pinned algorithm and key, then exp, nbf, iss and aud. Answer 401 (for a bearer token with WWW-Authenticate: Bearer error="invalid_token") otherwise.',
  async *run({ spec, audit }) {
    const tokens = knownTokens(audit);
    for (const target of tokenTargets(spec, audit)) {
      const { operation } = target;
      const garbage = await tryGarbage(spec, audit, target);
      if (garbage.kind === 'stop') return;
      if (garbage.kind === 'accepted') {
        const what = garbageNote(target.place);
        yield acceptedTokenDraft(operation, garbage.exchange, what, what);
        continue;
      }
      const fitting = tokensFor(audit, target, tokens)[0];
      if (!fitting) continue;
      const what = `the JWT of ${fitting.token.holder} with its signature altered (${describePlace(fitting.place)})`;
      const altered = await tryToken(spec, audit, operation, fitting.place, withAlteredSignature(fitting.token.token), what);
      if (altered.kind === 'stop') return;
      if (altered.kind === 'accepted') yield acceptedTokenDraft(operation, altered.exchange, what, what);
    }
  },
});
