import { describe, expect, it } from 'vitest';
import { responseDeprecatedPropertyRemoved } from './response-deprecated-property-removed.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-deprecated-property-removed', () => {
  it('reports a deprecated response property removed after its sunset as info', () => {
    const findings = runCheck(responseDeprecatedPropertyRemoved, withResponse(obj({ name: { type: 'string' }, nick: { type: 'string', deprecated: true, 'x-sunset': '2025-01-01' } })), withResponse(obj({ name: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-deprecated-property-removed', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('sunset 2025-01-01 has passed');
  });
  it('stays silent for a property that was never deprecated', () => {
    expect(runCheck(responseDeprecatedPropertyRemoved, withResponse(obj({ name: { type: 'string' }, nick: { type: 'string' } })), withResponse(obj({ name: { type: 'string' } })))).toEqual([]);
  });
});
