import { describe, expect, it } from 'vitest';
import { requestParameterBecameOptional } from './request-parameter-became-optional.js';
import { runCheck, withParameters, query } from './diff-check.test-helper.js';

describe('diff.request-parameter-became-optional', () => {
  it('reports a required parameter that became optional as info', () => {
    const findings = runCheck(requestParameterBecameOptional, withParameters(query('limit', { required: true })), withParameters(query('limit')));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-parameter-became-optional', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('is now optional');
  });
  it('stays silent when an optional parameter becomes required', () => {
    expect(runCheck(requestParameterBecameOptional, withParameters(query('limit')), withParameters(query('limit', { required: true })))).toEqual([]);
  });
});
