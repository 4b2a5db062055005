import { describe, expect, it } from 'vitest';
import { operationSecurityScopeAdded } from './operation-security-scope-added.js';
import { runCheck, withSecurity } from './diff-check.test-helper.js';

describe('diff.operation-security-scope-added', () => {
  it('reports an added OAuth scope as breaking', () => {
    const findings = runCheck(operationSecurityScopeAdded, withSecurity([{ oauth: ['read'] }]), withSecurity([{ oauth: ['read', 'write'] }]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-security-scope-added', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('oauth now also needs scope \'write\'');
  });
  it('stays silent when a scope is dropped', () => {
    expect(runCheck(operationSecurityScopeAdded, withSecurity([{ oauth: ['read', 'write'] }]), withSecurity([{ oauth: ['read'] }]))).toEqual([]);
  });
});
