import { describe, expect, it } from 'vitest';
import { requestConstraintRelaxed } from './request-constraint-relaxed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-constraint-relaxed', () => {
  it('reports a raised maxLength on a request as info', () => {
    const findings = runCheck(requestConstraintRelaxed, withRequestBody(obj({ name: { type: 'string', maxLength: 5 } })), withRequestBody(obj({ name: { type: 'string', maxLength: 10 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-constraint-relaxed', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('maxLength 5 → 10; more values are accepted');
  });
  it('stays silent when the constraint tightens', () => {
    expect(runCheck(requestConstraintRelaxed, withRequestBody(obj({ name: { type: 'string', maxLength: 10 } })), withRequestBody(obj({ name: { type: 'string', maxLength: 5 } })))).toEqual([]);
  });
});
