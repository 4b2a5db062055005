import { describe, expect, it } from 'vitest';
import { operationSunsetRemoved } from './operation-sunset-removed.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-sunset-removed', () => {
  it('warns when a deprecated operation drops its sunset date', () => {
    const findings = runCheck(operationSunsetRemoved, withOperation({ deprecated: true, 'x-sunset': '2027-01-01' }), withOperation({ deprecated: true }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-sunset-removed', cause: 'expiring-apis', severity: 'medium', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('was 2027-01-01');
  });
  it('stays silent when the sunset date stays', () => {
    expect(runCheck(operationSunsetRemoved, withOperation({ deprecated: true, 'x-sunset': '2027-01-01' }), withOperation({ deprecated: true, 'x-sunset': '2027-01-01' }))).toEqual([]);
  });
});
