import { describe, expect, it } from 'vitest';
import { operationDeprecatedWithoutSunset } from './operation-deprecated-without-sunset.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-deprecated-without-sunset', () => {
  it('reports a deprecation without a sunset date as a policy violation', () => {
    const findings = runCheck(operationDeprecatedWithoutSunset, withOperation({}), withOperation({ deprecated: true }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-deprecated-without-sunset', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('no sunset date');
    expect(findings[0]!.detail).toContain('180 days');
  });
  it('stays silent when x-sunset is given far enough ahead', () => {
    expect(runCheck(operationDeprecatedWithoutSunset, withOperation({}), withOperation({ deprecated: true, 'x-sunset': '2027-01-01' }))).toEqual([]);
  });
});
