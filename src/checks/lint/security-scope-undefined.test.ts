import { describe, expect, it } from 'vitest';
import { securityScopeUndefined } from './security-scope-undefined.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const components = {
  securitySchemes: {
    oauth: {
      type: 'oauth2',
      flows: {
        authorizationCode: { authorizationUrl: 'https://a.example.com/authorize', tokenUrl: 'https://a.example.com/token', scopes: { 'users:read': 'read' } },
        clientCredentials: { tokenUrl: 'https://a.example.com/token', scopes: { 'users:write': 'write' } },
      },
    },
  },
};

describe('lint.security-scope-undefined', () => {
  it('reports a requirement with a scope no flow declares', async () => {
    const drafts = await runLintCheck(securityScopeUndefined, baseSpec({
      components,
      paths: { '/users': { post: { security: [{ oauth: ['users:write', 'user:admin'] }], responses: { '201': { description: 'ok' } } } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'POST /users', pointer: '/paths/~1users/post/security/0/oauth' });
    expect(drafts[0]!.detail).toContain("'user:admin'");
    expect(drafts[0]!.detail).not.toContain("'users:write'");
  });

  it('stays silent when scopes come from any of the flows', async () => {
    const drafts = await runLintCheck(securityScopeUndefined, baseSpec({
      components,
      security: [{ oauth: ['users:read', 'users:write'] }],
      paths: { '/users': { get: { responses: { '200': { description: 'ok' } } } } },
    }));
    expect(drafts).toEqual([]);
  });
});
