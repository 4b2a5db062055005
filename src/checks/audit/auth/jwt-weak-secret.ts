import { defineCheck } from '../../define.js';
import { roleTokens } from './role-token.js';
import { findWeakSecret, nameVariants } from './weak-secrets.js';

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
    // Grouped by secret so the detail tells the roles apart without ever printing the secret.
    const rolesBySecret = new Map<string, { alg: string; roles: string[] }>();
    for (const { role, token, header } of roleTokens(audit.roles)) {
      const secret = findWeakSecret(token, header.alg, candidates);
      if (secret === undefined) continue;
      const entry = rolesBySecret.get(secret) ?? { alg: String(header.alg), roles: [] };
      entry.roles.push(role.name);
      rolesBySecret.set(secret, entry);
    }
    if (rolesBySecret.size === 0) return;
    const parts = [...rolesBySecret].map(
      ([secret, { alg, roles }]) => `the ${alg} ${roles.length > 1 ? `tokens of roles ${roles.join(', ')} are` : `token of role ${roles[0]} is`} signed with a dictionary word (${secret.length} characters)`,
    );
    const text = parts.join('; ');
    yield { operation: null, detail: `${text[0]!.toUpperCase()}${text.slice(1)}. Anyone holding one token can recover the secret offline and forge others.` };
  },
});
