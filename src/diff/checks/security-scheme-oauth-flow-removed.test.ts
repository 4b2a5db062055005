import { describe, expect, it } from 'vitest';
import { securitySchemeOauthFlowRemoved } from './security-scheme-oauth-flow-removed.js';
import { runCheck, withSecurity } from './diff-check.test-helper.js';

describe('diff.security-scheme-oauth-flow-removed', () => {
  it('reports a removed OAuth flow as breaking', () => {
    const findings = runCheck(securitySchemeOauthFlowRemoved, withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r', write: 'w' } }, authorizationCode: { authorizationUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r' } } } } }), withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r', write: 'w' } } } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.security-scheme-oauth-flow-removed', cause: 'expiring-apis', severity: 'high', operation: null });
    expect(findings[0]!.detail).toContain('no longer offers the authorizationCode flow');
  });
  it('stays silent when a flow is added', () => {
    expect(runCheck(securitySchemeOauthFlowRemoved, withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r', write: 'w' } } } } }), withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r', write: 'w' } }, authorizationCode: { authorizationUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r' } } } } }))).toEqual([]);
  });
});
