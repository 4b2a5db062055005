import { describe, expect, it } from 'vitest';
import { requestMinLengthIncreased } from './request-min-length-increased.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-min-length-increased', () => {
  it('reports a minLength added to a request string as breaking', () => {
    const findings = runCheck(requestMinLengthIncreased, withRequestBody(obj({ name: { type: 'string' } })), withRequestBody(obj({ name: { type: 'string', minLength: 3 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-min-length-increased', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('minLength (none) → 3');
  });
  it('treats minLength 0 as no constraint', () => {
    expect(runCheck(requestMinLengthIncreased, withRequestBody(obj({ name: { type: 'string' } })), withRequestBody(obj({ name: { type: 'string', minLength: 0 } })))).toEqual([]);
  });
});
