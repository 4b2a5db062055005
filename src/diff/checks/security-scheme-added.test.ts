import { describe, expect, it } from 'vitest';
import { securitySchemeAdded } from './security-scheme-added.js';
import { runCheck, withSecurity, securitySchemes } from './diff-check.test-helper.js';

describe('diff.security-scheme-added', () => {
  it('reports a new security scheme as info', () => {
    const findings = runCheck(securitySchemeAdded, withSecurity([{ apiKey: [] }], { apiKey: securitySchemes['apiKey'] }), withSecurity([{ apiKey: [] }], { apiKey: securitySchemes['apiKey'], basic: securitySchemes['basic'] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.security-scheme-added', cause: 'expiring-apis', severity: 'info', operation: null });
    expect(findings[0]!.detail).toContain('\'basic\' (http) was added');
  });
  it('stays silent when a scheme is only removed', () => {
    expect(runCheck(securitySchemeAdded, withSecurity([{ apiKey: [] }], { apiKey: securitySchemes['apiKey'], basic: securitySchemes['basic'] }), withSecurity([{ apiKey: [] }], { apiKey: securitySchemes['apiKey'] }))).toEqual([]);
  });
});
