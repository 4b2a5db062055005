import { describe, expect, it } from 'vitest';
import { requestMinIncreased } from './request-min-increased.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-min-increased', () => {
  it('reports a raised minimum as breaking', () => {
    const findings = runCheck(requestMinIncreased, withRequestBody(obj({ qty: { type: 'integer', minimum: 1 } })), withRequestBody(obj({ qty: { type: 'integer', minimum: 5 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-min-increased', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('minimum 1 → 5');
  });
  it('stays silent when the minimum is lowered', () => {
    expect(runCheck(requestMinIncreased, withRequestBody(obj({ qty: { type: 'integer', minimum: 5 } })), withRequestBody(obj({ qty: { type: 'integer', minimum: 1 } })))).toEqual([]);
  });
});
