import { randomBytes } from 'node:crypto';
import { defineCheck } from '../../define.js';
import { withAlteredSignature } from './forge-token.js';
import { firstRoleToken } from './role-token.js';
import { tokenTargets, acceptedTokenDraft, tryToken } from './token-probe.js';

export const invalidTokenAccepted = defineCheck({
  id: 'auth.invalid-token-accepted',
  cause: 'unsecured-endpoints',
  kind: 'audit',
  severity: 'critical',
  summary: 'Secured operation accepts an invalid bearer token',
  explanation:
    'The API lets a request through because an Authorization header is present, without verifying the token (or its signature). Anyone can then call it with made-up or tampered credentials, and tampered claims (another user, more scopes) are believed.',
  remedy: 'Verify every bearer token before use: signature with a pinned algorithm and key, then exp, nbf, iss and aud. Answer 401 with WWW-Authenticate: Bearer error="invalid_token" otherwise.',
  async *run({ spec, audit }) {
    const garbage = `faultline-invalid-${randomBytes(12).toString('hex')}`;
    for (const op of tokenTargets(spec, audit)) {
      const jwt = firstRoleToken(audit.rolesFor(op).allowed);
      const attempts: [string, string][] = [[garbage, 'a random string as bearer token']];
      if (jwt) attempts.push([withAlteredSignature(jwt.token), `the ${jwt.role.name} role's JWT with its signature altered`]);
      for (const [token, what] of attempts) {
        const outcome = await tryToken(spec, audit, op, token, what);
        if (outcome.kind === 'stop') return;
        if (outcome.kind !== 'accepted') continue;
        yield acceptedTokenDraft(op, outcome.exchange, what, what);
        break;
      }
    }
  },
});
