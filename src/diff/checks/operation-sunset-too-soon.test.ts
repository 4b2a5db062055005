import { describe, expect, it } from 'vitest';
import { operationSunsetTooSoon } from './operation-sunset-too-soon.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-sunset-too-soon', () => {
  it('reports an x-sunset closer than --sunset-days as a policy violation', () => {
    const findings = runCheck(operationSunsetTooSoon, withOperation({}), withOperation({ deprecated: true, 'x-sunset': '2026-03-01' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-sunset-too-soon', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('in 59 days');
    expect(findings[0]!.detail).toContain('at least 180');
  });
  it('reads a removal date from the description', () => {
    const findings = runCheck(operationSunsetTooSoon, withOperation({}), withOperation({ deprecated: true, description: 'This endpoint will be removed on 2026-02-01.' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-sunset-too-soon', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('2026-02-01 (description)');
  });
  it('stays silent when the sunset is a year ahead', () => {
    expect(runCheck(operationSunsetTooSoon, withOperation({}), withOperation({ deprecated: true, 'x-sunset': '2026-12-31' }))).toEqual([]);
  });
});
