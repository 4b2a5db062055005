import { describe, expect, it } from 'vitest';
import { oauthPasswordFlow } from './oauth-password-flow.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.oauth-password-flow', () => {
  it('reports the resource owner password flow', async () => {
    const drafts = await runLintCheck(oauthPasswordFlow, baseSpec({
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { password: { tokenUrl: 'https://auth.example.com/token', scopes: {} } } } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/components/securitySchemes/oauth/flows/password' });
  });

  it('stays silent on client credentials', async () => {
    const drafts = await runLintCheck(oauthPasswordFlow, baseSpec({
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: {} } } } } },
    }));
    expect(drafts).toEqual([]);
  });
});
