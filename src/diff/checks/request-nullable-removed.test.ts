import { describe, expect, it } from 'vitest';
import { requestNullableRemoved } from './request-nullable-removed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-nullable-removed', () => {
  it('reports a request property that no longer accepts null as breaking', () => {
    const findings = runCheck(requestNullableRemoved, withRequestBody(obj({ note: { type: 'string', nullable: true } })), withRequestBody(obj({ note: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-nullable-removed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('null is no longer accepted');
  });
  it('stays silent when null becomes accepted', () => {
    expect(runCheck(requestNullableRemoved, withRequestBody(obj({ note: { type: 'string' } })), withRequestBody(obj({ note: { type: 'string', nullable: true } })))).toEqual([]);
  });
});
