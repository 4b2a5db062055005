import { describe, expect, it } from 'vitest';
import { requestMultipleOfChanged } from './request-multiple-of-changed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-multiple-of-changed', () => {
  it('reports a stricter multipleOf as breaking', () => {
    const findings = runCheck(requestMultipleOfChanged, withRequestBody(obj({ qty: { type: 'integer', multipleOf: 1 } })), withRequestBody(obj({ qty: { type: 'integer', multipleOf: 5 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-multiple-of-changed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('multipleOf 1 → 5');
  });
  it('stays silent when multipleOf relaxes from 10 to 5', () => {
    expect(runCheck(requestMultipleOfChanged, withRequestBody(obj({ qty: { type: 'integer', multipleOf: 10 } })), withRequestBody(obj({ qty: { type: 'integer', multipleOf: 5 } })))).toEqual([]);
  });
});
