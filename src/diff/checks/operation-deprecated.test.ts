import { describe, expect, it } from 'vitest';
import { operationDeprecated } from './operation-deprecated.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-deprecated', () => {
  it('reports a newly deprecated operation as info', () => {
    const findings = runCheck(operationDeprecated, withOperation({}), withOperation({ deprecated: true, 'x-sunset': '2027-01-01' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-deprecated', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('GET /items is now deprecated');
  });
  it('stays silent when the operation was already deprecated', () => {
    expect(runCheck(operationDeprecated, withOperation({ deprecated: true, 'x-sunset': '2027-01-01' }), withOperation({ deprecated: true, 'x-sunset': '2027-01-01' }))).toEqual([]);
  });
});
