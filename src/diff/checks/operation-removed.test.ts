import { describe, expect, it } from 'vitest';
import { operationRemoved } from './operation-removed.js';
import { runCheck, api, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-removed', () => {
  it('reports an operation removed without deprecation as breaking', () => {
    const findings = runCheck(operationRemoved, withOperation({}), api({}));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-removed', cause: 'bad-urls', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('GET /items was removed without being deprecated first');
  });
  it('stays silent when the removed operation was deprecated and its sunset has passed', () => {
    expect(runCheck(operationRemoved, withOperation({ deprecated: true, 'x-sunset': '2025-06-01' }), api({}))).toEqual([]);
  });
});
