import { describe, expect, it } from 'vitest';
import { securitySchemeOauthScopeRemoved } from './security-scheme-oauth-scope-removed.js';
import { runCheck, withSecurity } from './diff-check.test-helper.js';

describe('diff.security-scheme-oauth-scope-removed', () => {
  it('reports a scope the flow no longer offers as breaking', () => {
    const findings = runCheck(securitySchemeOauthScopeRemoved, withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r', write: 'w' } } } } }), withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r' } } } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.security-scheme-oauth-scope-removed', cause: 'expiring-apis', severity: 'high', operation: null });
    expect(findings[0]!.detail).toContain('no longer offers scope \'write\'');
  });
  it('stays silent when a scope is added', () => {
    expect(runCheck(securitySchemeOauthScopeRemoved, withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r' } } } } }), withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r', write: 'w' } } } } }))).toEqual([]);
  });
});
