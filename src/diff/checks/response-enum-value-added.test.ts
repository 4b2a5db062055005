import { describe, expect, it } from 'vitest';
import { responseEnumValueAdded } from './response-enum-value-added.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-enum-value-added', () => {
  it('warns when a response enum gains a value', () => {
    const findings = runCheck(responseEnumValueAdded, withResponse(obj({ state: { type: 'string', enum: ['open', 'closed'] } })), withResponse(obj({ state: { type: 'string', enum: ['open', 'closed', 'merged'] } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-enum-value-added', cause: 'expiring-apis', severity: 'medium', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('enum value "merged" was added');
  });
  it('stays silent when a value is removed', () => {
    expect(runCheck(responseEnumValueAdded, withResponse(obj({ state: { type: 'string', enum: ['open', 'closed', 'merged'] } })), withResponse(obj({ state: { type: 'string', enum: ['open', 'closed'] } })))).toEqual([]);
  });
});
