import { describe, expect, it } from 'vitest';
import { securitySchemeOauthUrlChanged } from './security-scheme-oauth-url-changed.js';
import { runCheck, withSecurity } from './diff-check.test-helper.js';

describe('diff.security-scheme-oauth-url-changed', () => {
  it('warns when the token URL moves', () => {
    const findings = runCheck(securitySchemeOauthUrlChanged, withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r', write: 'w' } } } } }), withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://login.example.com/oauth/token', scopes: { read: 'r', write: 'w' } } } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.security-scheme-oauth-url-changed', cause: 'bad-urls', severity: 'medium', operation: null });
    expect(findings[0]!.detail).toContain('tokenUrl: https://auth.example.com/token → https://login.example.com/oauth/token');
  });
  it('stays silent when the URLs are the same', () => {
    expect(runCheck(securitySchemeOauthUrlChanged, withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r', write: 'w' } } } } }), withSecurity([{ auth: [] }], { auth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { read: 'r', write: 'w' } } } } }))).toEqual([]);
  });
});
