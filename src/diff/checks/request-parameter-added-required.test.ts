import { describe, expect, it } from 'vitest';
import { requestParameterAddedRequired } from './request-parameter-added-required.js';
import { runCheck, withParameters, query } from './diff-check.test-helper.js';

describe('diff.request-parameter-added-required', () => {
  it('reports a new required query parameter as breaking', () => {
    const findings = runCheck(requestParameterAddedRequired, withParameters(), withParameters(query('limit', { required: true })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-parameter-added-required', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('query parameter \'limit\' was added as required');
  });
  it('stays silent for a new optional parameter', () => {
    expect(runCheck(requestParameterAddedRequired, withParameters(), withParameters(query('limit')))).toEqual([]);
  });
});
