import { describe, expect, it } from 'vitest';
import { securitySchemeApiKeyMoved } from './security-scheme-api-key-moved.js';
import { runCheck, api, withSecurity, query } from './diff-check.test-helper.js';

describe('diff.security-scheme-api-key-moved', () => {
  it('reports an API key moved from a header to the query as breaking', () => {
    const findings = runCheck(securitySchemeApiKeyMoved, withSecurity([{ auth: [] }], { auth: { type: 'apiKey', in: 'header', name: 'X-API-Key' } }), withSecurity([{ auth: [] }], { auth: { type: 'apiKey', in: 'query', name: 'api_key' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.security-scheme-api-key-moved', cause: 'expiring-apis', severity: 'high', operation: null });
    expect(findings[0]!.detail).toContain('header \'X-API-Key\' → query \'api_key\'');
  });
  it('treats header names case-insensitively', () => {
    expect(runCheck(securitySchemeApiKeyMoved, withSecurity([{ auth: [] }], { auth: { type: 'apiKey', in: 'header', name: 'X-API-Key' } }), withSecurity([{ auth: [] }], { auth: { type: 'apiKey', in: 'header', name: 'x-api-key' } }))).toEqual([]);
  });
});
