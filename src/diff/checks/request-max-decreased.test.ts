import { describe, expect, it } from 'vitest';
import { requestMaxDecreased } from './request-max-decreased.js';
import { runCheck, obj, withRequestBody, withParameters, query } from './diff-check.test-helper.js';

describe('diff.request-max-decreased', () => {
  it('reports a lowered maximum on a request property as breaking', () => {
    const findings = runCheck(requestMaxDecreased, withRequestBody(obj({ qty: { type: 'integer', maximum: 100 } })), withRequestBody(obj({ qty: { type: 'integer', maximum: 50 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-max-decreased', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('maximum 100 → 50');
  });
  it('reports a lowered maximum on a query parameter', () => {
    const findings = runCheck(requestMaxDecreased, withParameters(query('limit', { schema: { type: 'integer', maximum: 100 } })), withParameters(query('limit', { schema: { type: 'integer', maximum: 50 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-max-decreased', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('query parameter \'limit\': maximum 100 → 50');
  });
  it('stays silent when the maximum is raised', () => {
    expect(runCheck(requestMaxDecreased, withRequestBody(obj({ qty: { type: 'integer', maximum: 50 } })), withRequestBody(obj({ qty: { type: 'integer', maximum: 100 } })))).toEqual([]);
  });
});
