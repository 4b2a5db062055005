import { describe, expect, it } from 'vitest';
import { operationSunsetMovedEarlier } from './operation-sunset-moved-earlier.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-sunset-moved-earlier', () => {
  it('reports a sunset moved earlier as breaking', () => {
    const findings = runCheck(operationSunsetMovedEarlier, withOperation({ deprecated: true, 'x-sunset': '2027-01-01' }), withOperation({ deprecated: true, 'x-sunset': '2026-10-01' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-sunset-moved-earlier', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('2027-01-01 → 2026-10-01');
  });
  it('stays silent when the sunset moves later', () => {
    expect(runCheck(operationSunsetMovedEarlier, withOperation({ deprecated: true, 'x-sunset': '2027-01-01' }), withOperation({ deprecated: true, 'x-sunset': '2027-06-01' }))).toEqual([]);
  });
});
