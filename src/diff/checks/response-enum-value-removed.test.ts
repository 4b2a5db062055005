import { describe, expect, it } from 'vitest';
import { responseEnumValueRemoved } from './response-enum-value-removed.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-enum-value-removed', () => {
  it('reports a response enum value no longer returned as info', () => {
    const findings = runCheck(responseEnumValueRemoved, withResponse(obj({ state: { type: 'string', enum: ['open', 'closed', 'merged'] } })), withResponse(obj({ state: { type: 'string', enum: ['open', 'closed'] } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-enum-value-removed', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('enum value "merged" is no longer returned');
  });
  it('stays silent when a value is added', () => {
    expect(runCheck(responseEnumValueRemoved, withResponse(obj({ state: { type: 'string', enum: ['open', 'closed'] } })), withResponse(obj({ state: { type: 'string', enum: ['open', 'closed', 'merged'] } })))).toEqual([]);
  });
});
