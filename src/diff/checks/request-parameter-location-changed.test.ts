import { describe, expect, it } from 'vitest';
import { requestParameterLocationChanged } from './request-parameter-location-changed.js';
import { runCheck, withParameters, query } from './diff-check.test-helper.js';

describe('diff.request-parameter-location-changed', () => {
  it('reports a parameter moved from query to header as breaking', () => {
    const findings = runCheck(requestParameterLocationChanged, withParameters(query('X-Tenant')), withParameters({ name: 'X-Tenant', in: 'header', schema: { type: 'integer' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-parameter-location-changed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('moved from query to header');
  });
  it('stays silent when the parameter stays where it was', () => {
    expect(runCheck(requestParameterLocationChanged, withParameters(query('X-Tenant')), withParameters(query('X-Tenant')))).toEqual([]);
  });
});
