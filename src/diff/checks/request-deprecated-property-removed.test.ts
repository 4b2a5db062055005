import { describe, expect, it } from 'vitest';
import { requestDeprecatedPropertyRemoved } from './request-deprecated-property-removed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-deprecated-property-removed', () => {
  it('reports a deprecated request property\'s removal as info', () => {
    const findings = runCheck(requestDeprecatedPropertyRemoved, withRequestBody(obj({ name: { type: 'string' }, nick: { type: 'string', deprecated: true } })), withRequestBody(obj({ name: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-deprecated-property-removed', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('property `nick` was removed after its deprecation (it gave no sunset date)');
  });
  it('stays silent for a property that was never deprecated', () => {
    expect(runCheck(requestDeprecatedPropertyRemoved, withRequestBody(obj({ name: { type: 'string' }, nick: { type: 'string' } })), withRequestBody(obj({ name: { type: 'string' } })))).toEqual([]);
  });
});
