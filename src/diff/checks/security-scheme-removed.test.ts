import { describe, expect, it } from 'vitest';
import { securitySchemeRemoved } from './security-scheme-removed.js';
import { runCheck, withSecurity, securitySchemes } from './diff-check.test-helper.js';

describe('diff.security-scheme-removed', () => {
  it('reports a removed security scheme as breaking', () => {
    const findings = runCheck(securitySchemeRemoved, withSecurity([{ apiKey: [] }], { apiKey: securitySchemes['apiKey'], basic: securitySchemes['basic'] }), withSecurity([{ apiKey: [] }], { apiKey: securitySchemes['apiKey'] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.security-scheme-removed', cause: 'expiring-apis', severity: 'high', operation: null });
    expect(findings[0]!.detail).toContain('\'basic\' (http) was removed');
  });
  it('stays silent when the schemes are the same', () => {
    expect(runCheck(securitySchemeRemoved, withSecurity([{ apiKey: [] }], { apiKey: securitySchemes['apiKey'], basic: securitySchemes['basic'] }), withSecurity([{ apiKey: [] }], { apiKey: securitySchemes['apiKey'], basic: securitySchemes['basic'] }))).toEqual([]);
  });
});
