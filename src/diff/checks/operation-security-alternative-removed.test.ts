import { describe, expect, it } from 'vitest';
import { operationSecurityAlternativeRemoved } from './operation-security-alternative-removed.js';
import { runCheck, withSecurity } from './diff-check.test-helper.js';

describe('diff.operation-security-alternative-removed', () => {
  it('reports credentials that no longer get in as breaking', () => {
    const findings = runCheck(operationSecurityAlternativeRemoved, withSecurity([{ apiKey: [] }, { oauth: ['read'] }]), withSecurity([{ oauth: ['read'] }]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-security-alternative-removed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('authenticating with apiKey no longer get in');
  });
  it('stays silent when NEW asks for fewer schemes than an old alternative', () => {
    expect(runCheck(operationSecurityAlternativeRemoved, withSecurity([{ apiKey: [], basic: [] }]), withSecurity([{ apiKey: [] }]))).toEqual([]);
  });
});
