import { describe, expect, it } from 'vitest';
import { requestDeprecatedParameterRemoved } from './request-deprecated-parameter-removed.js';
import { runCheck, withParameters, query } from './diff-check.test-helper.js';

describe('diff.request-deprecated-parameter-removed', () => {
  it('reports a deprecated parameter\'s removal as info', () => {
    const findings = runCheck(requestDeprecatedParameterRemoved, withParameters(query('limit', { deprecated: true })), withParameters());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-deprecated-parameter-removed', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('after its deprecation');
  });
  it('stays silent for a parameter that was never deprecated', () => {
    expect(runCheck(requestDeprecatedParameterRemoved, withParameters(query('limit')), withParameters())).toEqual([]);
  });
});
