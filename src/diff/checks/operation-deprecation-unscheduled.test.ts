import { describe, expect, it } from 'vitest';
import { operationDeprecationUnscheduled } from './operation-deprecation-unscheduled.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-deprecation-unscheduled', () => {
  it('reports an operation deprecated in both versions without a sunset date', () => {
    const findings = runCheck(operationDeprecationUnscheduled, withOperation({ deprecated: true }), withOperation({ deprecated: true }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-deprecation-unscheduled', cause: 'expiring-apis', severity: 'medium', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('no sunset date');
  });

  it('reports an unchanged sunset that has already passed', () => {
    const findings = runCheck(operationDeprecationUnscheduled, withOperation({ deprecated: true, 'x-sunset': '2020-01-01' }), withOperation({ deprecated: true, 'x-sunset': '2020-01-01' }));
    expect(findings[0]!.detail).toContain('passed');
  });

  it('stays silent on a sunset far enough ahead, and on a new deprecation (judged by its own check)', () => {
    expect(runCheck(operationDeprecationUnscheduled, withOperation({ deprecated: true, 'x-sunset': '2099-01-01' }), withOperation({ deprecated: true, 'x-sunset': '2099-01-01' }))).toEqual([]);
    expect(runCheck(operationDeprecationUnscheduled, withOperation({}), withOperation({ deprecated: true }))).toEqual([]);
  });
});
