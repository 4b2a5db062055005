import { describe, expect, it } from 'vitest';
import { securitySchemeTypeChanged } from './security-scheme-type-changed.js';
import { runCheck, withSecurity } from './diff-check.test-helper.js';

describe('diff.security-scheme-type-changed', () => {
  it('reports a scheme that changed from http to apiKey as breaking', () => {
    const findings = runCheck(securitySchemeTypeChanged, withSecurity([{ auth: [] }], { auth: { type: 'http', scheme: 'basic' } }), withSecurity([{ auth: [] }], { auth: { type: 'apiKey', in: 'header', name: 'Authorization' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.security-scheme-type-changed', cause: 'expiring-apis', severity: 'high', operation: null });
    expect(findings[0]!.detail).toContain('http → apiKey');
  });
  it('stays silent when the type is the same', () => {
    expect(runCheck(securitySchemeTypeChanged, withSecurity([{ auth: [] }], { auth: { type: 'http', scheme: 'basic' } }), withSecurity([{ auth: [] }], { auth: { type: 'http', scheme: 'basic' } }))).toEqual([]);
  });
});
