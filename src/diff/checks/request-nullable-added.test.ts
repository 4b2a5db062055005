import { describe, expect, it } from 'vitest';
import { requestNullableAdded } from './request-nullable-added.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-nullable-added', () => {
  it('reports a request property that now accepts null as info', () => {
    const findings = runCheck(requestNullableAdded, withRequestBody(obj({ note: { type: 'string' } })), withRequestBody(obj({ note: { type: 'string', nullable: true } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-nullable-added', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('null is now accepted');
  });
  it('stays silent when nullability is unchanged', () => {
    expect(runCheck(requestNullableAdded, withRequestBody(obj({ note: { type: 'string', nullable: true } })), withRequestBody(obj({ note: { type: 'string', nullable: true } })))).toEqual([]);
  });
});
