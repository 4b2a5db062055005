import { describe, expect, it } from 'vitest';
import { requestParameterAddedOptional } from './request-parameter-added-optional.js';
import { runCheck, withParameters, query } from './diff-check.test-helper.js';

describe('diff.request-parameter-added-optional', () => {
  it('reports a new optional parameter as info', () => {
    const findings = runCheck(requestParameterAddedOptional, withParameters(), withParameters(query('limit')));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-parameter-added-optional', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('query parameter \'limit\' was added (optional)');
  });
  it('stays silent for a new required parameter', () => {
    expect(runCheck(requestParameterAddedOptional, withParameters(), withParameters(query('limit', { required: true })))).toEqual([]);
  });
});
