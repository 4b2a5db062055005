import { describe, expect, it } from 'vitest';
import { securitySchemeHttpSchemeChanged } from './security-scheme-http-scheme-changed.js';
import { runCheck, withSecurity } from './diff-check.test-helper.js';

describe('diff.security-scheme-http-scheme-changed', () => {
  it('reports basic replaced by bearer as breaking', () => {
    const findings = runCheck(securitySchemeHttpSchemeChanged, withSecurity([{ auth: [] }], { auth: { type: 'http', scheme: 'basic' } }), withSecurity([{ auth: [] }], { auth: { type: 'http', scheme: 'bearer' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.security-scheme-http-scheme-changed', cause: 'expiring-apis', severity: 'high', operation: null });
    expect(findings[0]!.detail).toContain('basic → bearer');
  });
  it('ignores the case of the scheme name', () => {
    expect(runCheck(securitySchemeHttpSchemeChanged, withSecurity([{ auth: [] }], { auth: { type: 'http', scheme: 'Basic' } }), withSecurity([{ auth: [] }], { auth: { type: 'http', scheme: 'basic' } }))).toEqual([]);
  });
});
