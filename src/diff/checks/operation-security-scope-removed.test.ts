import { describe, expect, it } from 'vitest';
import { operationSecurityScopeRemoved } from './operation-security-scope-removed.js';
import { runCheck, withSecurity } from './diff-check.test-helper.js';

describe('diff.operation-security-scope-removed', () => {
  it('reports a dropped OAuth scope as info', () => {
    const findings = runCheck(operationSecurityScopeRemoved, withSecurity([{ oauth: ['read', 'write'] }]), withSecurity([{ oauth: ['read'] }]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-security-scope-removed', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('no longer needs scope \'write\'');
  });
  it('stays silent when a scope is added', () => {
    expect(runCheck(operationSecurityScopeRemoved, withSecurity([{ oauth: ['read'] }]), withSecurity([{ oauth: ['read', 'write'] }]))).toEqual([]);
  });
});
