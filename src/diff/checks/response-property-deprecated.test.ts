import { describe, expect, it } from 'vitest';
import { responsePropertyDeprecated } from './response-property-deprecated.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-property-deprecated', () => {
  it('reports a newly deprecated response property as info', () => {
    const findings = runCheck(responsePropertyDeprecated, withResponse(obj({ nick: { type: 'string' } })), withResponse(obj({ nick: { type: 'string', deprecated: true } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-property-deprecated', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('property `nick` is now deprecated');
  });
  it('stays silent when it was already deprecated', () => {
    expect(runCheck(responsePropertyDeprecated, withResponse(obj({ nick: { type: 'string', deprecated: true } })), withResponse(obj({ nick: { type: 'string', deprecated: true } })))).toEqual([]);
  });
});
