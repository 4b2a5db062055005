import { defineCheck } from '../define.js';
import { oauthFlowPointer } from './security-requirements.js';

export const oauthImplicitFlow = defineCheck({
  id: 'lint.oauth-implicit-flow',
  cause: 'unsecured-endpoints',
  kind: 'lint',
  severity: 'medium',
  summary: 'OAuth 2.0 implicit flow is offered',
  explanation:
    'The implicit flow returns the access token in the redirect URL fragment, where it leaks through browser history, referrers and injected scripts, and it cannot be bound to the client. The OAuth 2.0 Security Best Current Practice (RFC 9700) says clients should not use it.',
  remedy: 'Use the authorization code flow with PKCE (RFC 7636) instead, also for single-page and mobile apps, and remove the implicit flow from the scheme.',
  *run({ spec }) {
    for (const scheme of spec.securitySchemes) {
      if (scheme.type !== 'oauth2' || !scheme.flows.implicit) continue;
      yield {
        operation: null,
        pointer: oauthFlowPointer(spec, scheme, 'implicit'),
        detail: `OAuth scheme '${scheme.name}' offers the implicit flow, which hands out tokens in redirect URLs.`,
      };
    }
  },
});
