import { defineCheck } from '../define.js';
import { oauthFlowPointer } from './security-requirements.js';

export const oauthPasswordFlow = defineCheck({
  id: 'lint.oauth-password-flow',
  cause: 'unsecured-endpoints',
  kind: 'lint',
  severity: 'medium',
  summary: 'OAuth 2.0 resource owner password flow is offered',
  explanation:
    'The password flow makes clients collect the user\'s real password and send it to the token endpoint, which trains users to type passwords into third-party apps, rules out multi-factor and single sign-on, and makes brute force easy. The OAuth 2.0 Security Best Current Practice (RFC 9700) says it must not be used.',
  remedy: 'Use the authorization code flow with PKCE for users and the client credentials flow for machines, and remove the password flow from the scheme.',
  *run({ spec }) {
    for (const scheme of spec.securitySchemes) {
      if (scheme.type !== 'oauth2' || !scheme.flows.password) continue;
      yield {
        operation: null,
        pointer: oauthFlowPointer(spec, scheme, 'password'),
        detail: `OAuth scheme '${scheme.name}' offers the resource owner password flow, so clients handle users' passwords.`,
      };
    }
  },
});
