import { describe, expect, it } from 'vitest';
import { responseEnumRemoved } from './response-enum-removed.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-enum-removed', () => {
  it('warns when a response value is no longer limited to its enum', () => {
    const findings = runCheck(responseEnumRemoved, withResponse(obj({ state: { type: 'string', enum: ['open', 'closed'] } })), withResponse(obj({ state: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-enum-removed', cause: 'expiring-apis', severity: 'medium', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('no longer limited to ["open","closed"]');
  });
  it('stays silent when a response value becomes an enum', () => {
    expect(runCheck(responseEnumRemoved, withResponse(obj({ state: { type: 'string' } })), withResponse(obj({ state: { type: 'string', enum: ['open', 'closed'] } })))).toEqual([]);
  });
});
