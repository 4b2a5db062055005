import { describe, expect, it } from 'vitest';
import { requestParameterDefaultChanged } from './request-parameter-default-changed.js';
import { runCheck, withParameters, query } from './diff-check.test-helper.js';

describe('diff.request-parameter-default-changed', () => {
  it('warns when the default of a parameter changes', () => {
    const findings = runCheck(requestParameterDefaultChanged, withParameters(query('limit', { schema: { type: 'integer', default: 20 } })), withParameters(query('limit', { schema: { type: 'integer', default: 50 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-parameter-default-changed', cause: 'expiring-apis', severity: 'medium', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('default 20 → 50');
  });
  it('stays silent when the default is unchanged', () => {
    expect(runCheck(requestParameterDefaultChanged, withParameters(query('limit', { schema: { type: 'integer', default: 20 } })), withParameters(query('limit', { schema: { type: 'integer', default: 20 } })))).toEqual([]);
  });
});
