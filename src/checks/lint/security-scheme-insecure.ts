import { defineCheck } from '../define.js';

// HTTP authentication schemes with known weaknesses (IANA registry): replayable, unsalted MD5, NTLM relay, OAuth 1 signatures.
const weak: Readonly<Record<string, string>> = {
  digest: 'rests on MD5 and lets a server downgrade it',
  negotiate: 'falls back to NTLM, which can be relayed',
  ntlm: 'can be relayed and cracked offline',
  oauth: 'is OAuth 1.0, deprecated in favour of OAuth 2 bearer tokens',
};

export const securitySchemeInsecure = defineCheck({
  id: 'lint.security-scheme-insecure',
  cause: 'unsecured-endpoints',
  kind: 'lint',
  severity: 'medium',
  summary: 'Security scheme uses a weak HTTP authentication scheme',
  explanation:
    'Some registered HTTP authentication schemes are known to be weak: Digest depends on MD5 and can be downgraded, Negotiate falls back to NTLM which attackers relay, and OAuth 1.0 signatures are deprecated. An API that offers them gives attackers the weakest way in.',
  remedy: 'Offer `bearer` tokens (OAuth 2 / OpenID Connect) or mutual TLS instead, and remove the weak scheme.',
  *run({ spec }) {
    for (const scheme of spec.securitySchemes) {
      const name = scheme.type === 'http' ? scheme.scheme?.toLowerCase() : undefined;
      const why = name === undefined ? undefined : weak[name];
      if (why === undefined) continue;
      yield { operation: null, pointer: scheme.pointer, detail: `Security scheme '${scheme.name}' uses HTTP '${name}', which ${why}.` };
    }
  },
});
