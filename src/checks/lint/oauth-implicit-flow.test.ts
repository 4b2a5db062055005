import { describe, expect, it } from 'vitest';
import { oauthImplicitFlow } from './oauth-implicit-flow.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.oauth-implicit-flow', () => {
  it('reports the implicit flow of an OpenAPI 3 scheme', async () => {
    const drafts = await runLintCheck(oauthImplicitFlow, baseSpec({
      components: {
        securitySchemes: {
          oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://auth.example.com/authorize', scopes: {} }, authorizationCode: { authorizationUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token', scopes: {} } } },
        },
      },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/components/securitySchemes/oauth/flows/implicit' });
  });

  it('reports a Swagger 2.0 implicit flow at its flow field', async () => {
    const drafts = await runLintCheck(oauthImplicitFlow, {
      swagger: '2.0', info: { title: 't', version: '1' }, paths: {},
      securityDefinitions: { petstore_auth: { type: 'oauth2', flow: 'implicit', authorizationUrl: 'https://auth.example.com/authorize', scopes: {} } },
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ pointer: '/securityDefinitions/petstore_auth/flow' });
  });

  it('stays silent on the authorization code flow', async () => {
    const drafts = await runLintCheck(oauthImplicitFlow, baseSpec({
      components: { securitySchemes: { oauth: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://a.example.com/authorize', tokenUrl: 'https://a.example.com/token', scopes: {} } } } } },
    }));
    expect(drafts).toEqual([]);
  });
});
