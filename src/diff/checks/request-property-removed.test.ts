import { describe, expect, it } from 'vitest';
import { requestPropertyRemoved } from './request-property-removed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-property-removed', () => {
  it('reports a request property removed without deprecation as breaking', () => {
    const findings = runCheck(requestPropertyRemoved, withRequestBody(obj({ name: { type: 'string' }, nick: { type: 'string' } })), withRequestBody(obj({ name: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-property-removed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('property `nick` was removed without being deprecated first');
  });
  it('reports a deprecated property removed before its x-sunset as breaking', () => {
    const findings = runCheck(requestPropertyRemoved, withRequestBody(obj({ name: { type: 'string' }, nick: { type: 'string', deprecated: true, 'x-sunset': '2026-06-01' } })), withRequestBody(obj({ name: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-property-removed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('151 days before its sunset (2026-06-01, from x-sunset)');
  });
  it('stays silent when the property was deprecated without a sunset', () => {
    expect(runCheck(requestPropertyRemoved, withRequestBody(obj({ name: { type: 'string' }, nick: { type: 'string', deprecated: true } })), withRequestBody(obj({ name: { type: 'string' } })))).toEqual([]);
  });
});
