import { describe, expect, it } from 'vitest';
import { requestPropertyDeprecated } from './request-property-deprecated.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-property-deprecated', () => {
  it('reports a newly deprecated request property as info', () => {
    const findings = runCheck(requestPropertyDeprecated, withRequestBody(obj({ nick: { type: 'string' } })), withRequestBody(obj({ nick: { type: 'string', deprecated: true } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-property-deprecated', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('property `nick` is now deprecated');
  });
  it('stays silent when it was already deprecated', () => {
    expect(runCheck(requestPropertyDeprecated, withRequestBody(obj({ nick: { type: 'string', deprecated: true } })), withRequestBody(obj({ nick: { type: 'string', deprecated: true } })))).toEqual([]);
  });
});
