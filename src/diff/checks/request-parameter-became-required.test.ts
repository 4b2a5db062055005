import { describe, expect, it } from 'vitest';
import { requestParameterBecameRequired } from './request-parameter-became-required.js';
import { runCheck, withParameters, query } from './diff-check.test-helper.js';

describe('diff.request-parameter-became-required', () => {
  it('reports an optional parameter that became required as breaking', () => {
    const findings = runCheck(requestParameterBecameRequired, withParameters(query('limit')), withParameters(query('limit', { required: true })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-parameter-became-required', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('is now required');
  });
  it('stays silent when a required parameter becomes optional', () => {
    expect(runCheck(requestParameterBecameRequired, withParameters(query('limit', { required: true })), withParameters(query('limit')))).toEqual([]);
  });
});
