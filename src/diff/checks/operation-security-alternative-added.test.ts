import { describe, expect, it } from 'vitest';
import { operationSecurityAlternativeAdded } from './operation-security-alternative-added.js';
import { runCheck, withSecurity } from './diff-check.test-helper.js';

describe('diff.operation-security-alternative-added', () => {
  it('reports a new accepted scheme as info', () => {
    const findings = runCheck(operationSecurityAlternativeAdded, withSecurity([{ oauth: ['read'] }]), withSecurity([{ oauth: ['read'] }, { apiKey: [] }]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-security-alternative-added', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('also accepts apiKey');
  });
  it('stays silent when the alternatives are the same', () => {
    expect(runCheck(operationSecurityAlternativeAdded, withSecurity([{ oauth: ['read'] }]), withSecurity([{ oauth: ['read'] }]))).toEqual([]);
  });
});
