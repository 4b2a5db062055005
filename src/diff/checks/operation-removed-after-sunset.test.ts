import { describe, expect, it } from 'vitest';
import { operationRemovedAfterSunset } from './operation-removed-after-sunset.js';
import { runCheck, api, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-removed-after-sunset', () => {
  it('reports removal after a sunset read from a vendor object as info', () => {
    const findings = runCheck(operationRemovedAfterSunset, withOperation({ deprecated: true, 'x-github': { removalDate: '2025-04-01' } }), api({}));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-removed-after-sunset', cause: 'bad-urls', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('2025-04-01');
    expect(findings[0]!.detail).toContain('x-github.removalDate');
  });
  it('stays silent when the sunset is still ahead', () => {
    expect(runCheck(operationRemovedAfterSunset, withOperation({ deprecated: true, 'x-sunset': '2026-06-01' }), api({}))).toEqual([]);
  });
});
