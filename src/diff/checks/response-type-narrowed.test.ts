import { describe, expect, it } from 'vitest';
import { responseTypeNarrowed } from './response-type-narrowed.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-type-narrowed', () => {
  it('reports number narrowed to integer in a response as info', () => {
    const findings = runCheck(responseTypeNarrowed, withResponse(obj({ id: { type: 'number' } })), withResponse(obj({ id: { type: 'integer' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-type-narrowed', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('["number"] → ["integer"]');
  });
  it('stays silent when integer widens to number (response-type-changed)', () => {
    expect(runCheck(responseTypeNarrowed, withResponse(obj({ id: { type: 'integer' } })), withResponse(obj({ id: { type: 'number' } })))).toEqual([]);
  });
});
