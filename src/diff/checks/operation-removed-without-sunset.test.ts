import { describe, expect, it } from 'vitest';
import { operationRemovedWithoutSunset } from './operation-removed-without-sunset.js';
import { runCheck, api, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-removed-without-sunset', () => {
  it('warns when a deprecated operation that never gave a sunset date is removed', () => {
    const findings = runCheck(operationRemovedWithoutSunset, withOperation({ deprecated: true }), api({}));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-removed-without-sunset', cause: 'bad-urls', severity: 'medium', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('never said when');
  });
  it('stays silent for an operation that was not deprecated (that is operation-removed)', () => {
    expect(runCheck(operationRemovedWithoutSunset, withOperation({}), api({}))).toEqual([]);
  });
});
