import { describe, expect, it } from 'vitest';
import { oauthFlowUrlInvalid } from './oauth-flow-url-invalid.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const withFlows = (flows: unknown) => baseSpec({ components: { securitySchemes: { oauth: { type: 'oauth2', flows } } } });

describe('lint.oauth-flow-url-invalid', () => {
  it('fires on a plain-http token URL and a missing authorization URL', async () => {
    const drafts = await runLintCheck(oauthFlowUrlInvalid, withFlows({ authorizationCode: { tokenUrl: 'http://auth.shop.io/token', scopes: {} } }));
    expect(drafts.map((d) => d.detail)).toEqual([
      "OAuth scheme 'oauth', authorizationCode flow: authorizationUrl is missing.",
      "OAuth scheme 'oauth', authorizationCode flow: tokenUrl 'http://auth.shop.io/token' is not https, so codes and tokens cross the network in clear text.",
    ]);
    expect(drafts[0]!.pointer).toBe('/components/securitySchemes/oauth/flows/authorizationCode');
  });

  it('stays silent on https URLs for every flow', async () => {
    expect(await runLintCheck(oauthFlowUrlInvalid, withFlows({
      authorizationCode: { authorizationUrl: 'https://auth.shop.io/authorize', tokenUrl: 'https://auth.shop.io/token', scopes: {} },
      clientCredentials: { tokenUrl: 'https://auth.shop.io/token', scopes: {} },
    }))).toEqual([]);
  });
});
