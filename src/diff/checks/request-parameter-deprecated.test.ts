import { describe, expect, it } from 'vitest';
import { requestParameterDeprecated } from './request-parameter-deprecated.js';
import { runCheck, withParameters, query } from './diff-check.test-helper.js';

describe('diff.request-parameter-deprecated', () => {
  it('reports a newly deprecated parameter as info', () => {
    const findings = runCheck(requestParameterDeprecated, withParameters(query('limit')), withParameters(query('limit', { deprecated: true })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-parameter-deprecated', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('is now deprecated');
  });
  it('stays silent when it was already deprecated', () => {
    expect(runCheck(requestParameterDeprecated, withParameters(query('limit', { deprecated: true })), withParameters(query('limit', { deprecated: true })))).toEqual([]);
  });
});
