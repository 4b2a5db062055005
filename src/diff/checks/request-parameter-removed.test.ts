import { describe, expect, it } from 'vitest';
import { requestParameterRemoved } from './request-parameter-removed.js';
import { runCheck, withParameters, query } from './diff-check.test-helper.js';

describe('diff.request-parameter-removed', () => {
  it('reports a query parameter removed without deprecation as breaking', () => {
    const findings = runCheck(requestParameterRemoved, withParameters(query('limit')), withParameters());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-parameter-removed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('query parameter \'limit\' was removed without being deprecated first');
  });
  it('reports a deprecated parameter removed before its sunset as breaking', () => {
    const findings = runCheck(requestParameterRemoved, withParameters(query('limit', { deprecated: true, 'x-sunset': '2026-06-01' })), withParameters());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-parameter-removed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('before its sunset date');
  });
  it('stays silent when the parameter was deprecated without a sunset date', () => {
    expect(runCheck(requestParameterRemoved, withParameters(query('limit', { deprecated: true })), withParameters())).toEqual([]);
  });
});
