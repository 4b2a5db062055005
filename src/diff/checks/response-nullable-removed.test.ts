import { describe, expect, it } from 'vitest';
import { responseNullableRemoved } from './response-nullable-removed.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-nullable-removed', () => {
  it('reports a response property that is never null any more as info', () => {
    const findings = runCheck(responseNullableRemoved, withResponse(obj({ owner: { type: 'string', nullable: true } })), withResponse(obj({ owner: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-nullable-removed', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('never null any more');
  });
  it('stays silent when it becomes nullable', () => {
    expect(runCheck(responseNullableRemoved, withResponse(obj({ owner: { type: 'string' } })), withResponse(obj({ owner: { type: 'string', nullable: true } })))).toEqual([]);
  });
});
