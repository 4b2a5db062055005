import { describe, expect, it } from 'vitest';
import { operationRemovedBeforeSunset } from './operation-removed-before-sunset.js';
import { runCheck, api, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-removed-before-sunset', () => {
  it('reports a deprecated operation removed before its x-sunset date as breaking', () => {
    const findings = runCheck(operationRemovedBeforeSunset, withOperation({ deprecated: true, 'x-sunset': '2026-06-01' }), api({}));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-removed-before-sunset', cause: 'bad-urls', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('151 days before');
    expect(findings[0]!.detail).toContain('2026-06-01');
    expect(findings[0]!.detail).toContain('x-sunset');
  });
  it('stays silent when the sunset date has passed', () => {
    expect(runCheck(operationRemovedBeforeSunset, withOperation({ deprecated: true, 'x-sunset': '2025-06-01' }), api({}))).toEqual([]);
  });
});
