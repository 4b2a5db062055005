import { defineCheck } from '../../define.js';
import type { Evidence } from '../../../core/finding.js';
import { evidenceOf } from '../evidence.js';
import { knownTokens } from './known-tokens.js';
import { findWeakSecret, nameVariants } from './weak-secrets.js';

/** 'of roles admin, reader', then 'issued by POST /users/login (user.token)' for each issuing operation. */
function holdersOf(roles: readonly string[], issuers: readonly string[]): string {
  const parts = roles.length > 0 ? [`of role${roles.length > 1 ? 's' : ''} ${roles.join(', ')}`] : [];
  return [...parts, ...issuers.map((issuer) => `issued by ${issuer}`)].join(' and ');
}

export const jwtWeakSecret = defineCheck({
  id: 'auth.jwt-weak-secret',
  cause: 'unsecured-endpoints',
  kind: 'audit',
  severity: 'critical',
  summary: 'JWTs are signed with a guessable HMAC secret',
  explanation:
    'An HS256/384/512 token can be checked against a list of secrets offline, with no request to the API. Once the secret is found, anyone can mint tokens for any user with any scope and the API will trust them.',
  remedy: 'Sign with a random secret of at least 32 bytes kept in a secret store (or switch to an asymmetric algorithm such as ES256), rotate it now, and invalidate the tokens signed with the old one.',
  *run({ spec, audit }) {
    const candidates = nameVariants(spec.info.title);
    // Grouped by secret so the detail tells the holders apart without ever printing the secret.
    const bySecret = new Map<string, { alg: string; roles: string[]; issuers: string[]; evidence: Evidence[] }>();
    for (const token of knownTokens(audit)) {
      const secret = findWeakSecret(token.token, token.header.alg, candidates);
      if (secret === undefined) continue;
      const entry = bySecret.get(secret) ?? { alg: String(token.header.alg), roles: [], issuers: [], evidence: [] };
      if (token.role) entry.roles.push(token.role.name);
      else {
        entry.issuers.push(token.holder);
        entry.evidence.push(evidenceOf(token.exchange!, `issues a JWT signed with a dictionary word`));
      }
      bySecret.set(secret, entry);
    }
    if (bySecret.size === 0) return;
    const parts = [...bySecret].map(([secret, { alg, roles, issuers }]) => {
      const isMany = roles.length + issuers.length > 1;
      return `the ${alg} ${isMany ? 'tokens' : 'token'} ${holdersOf(roles, issuers)} ${isMany ? 'are' : 'is'} signed with a dictionary word (${secret.length} characters)`;
    });
    const text = parts.join('; ');
    const evidence = [...bySecret.values()].flatMap((entry) => entry.evidence).slice(0, 3);
    yield { operation: null, detail: `${text[0]!.toUpperCase()}${text.slice(1)}. Anyone holding one token can recover the secret offline and forge others.`, evidence };
  },
});
