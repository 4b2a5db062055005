import { describe, expect, it } from 'vitest';
import { requestMaxLengthDecreased } from './request-max-length-decreased.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-max-length-decreased', () => {
  it('reports a lowered maxLength as breaking', () => {
    const findings = runCheck(requestMaxLengthDecreased, withRequestBody(obj({ name: { type: 'string', maxLength: 10 } })), withRequestBody(obj({ name: { type: 'string', maxLength: 5 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-max-length-decreased', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('maxLength 10 → 5');
  });
  it('stays silent when maxLength is raised', () => {
    expect(runCheck(requestMaxLengthDecreased, withRequestBody(obj({ name: { type: 'string', maxLength: 5 } })), withRequestBody(obj({ name: { type: 'string', maxLength: 10 } })))).toEqual([]);
  });
});
