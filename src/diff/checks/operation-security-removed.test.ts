import { describe, expect, it } from 'vitest';
import { operationSecurityRemoved } from './operation-security-removed.js';
import { runCheck, withSecurity } from './diff-check.test-helper.js';

describe('diff.operation-security-removed', () => {
  it('reports an operation that no longer needs credentials as info', () => {
    const findings = runCheck(operationSecurityRemoved, withSecurity([{ apiKey: [] }]), withSecurity([]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-security-removed', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('no longer requires authentication');
  });
  it('stays silent when the requirement stays', () => {
    expect(runCheck(operationSecurityRemoved, withSecurity([{ apiKey: [] }]), withSecurity([{ apiKey: [] }]))).toEqual([]);
  });
});
