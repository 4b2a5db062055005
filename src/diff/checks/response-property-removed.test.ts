import { describe, expect, it } from 'vitest';
import { responsePropertyRemoved } from './response-property-removed.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-property-removed', () => {
  it('reports a response property removed without deprecation as breaking', () => {
    const findings = runCheck(responsePropertyRemoved, withResponse(obj({ name: { type: 'string' }, nick: { type: 'string' } })), withResponse(obj({ name: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-property-removed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('property `nick` was removed without being deprecated first');
  });
  it('stays silent when the property was deprecated and its sunset passed', () => {
    expect(runCheck(responsePropertyRemoved, withResponse(obj({ name: { type: 'string' }, nick: { type: 'string', deprecated: true, 'x-sunset': '2025-01-01' } })), withResponse(obj({ name: { type: 'string' } })))).toEqual([]);
  });
});
