import { describe, expect, it } from 'vitest';
import { requestPatternChanged } from './request-pattern-changed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-pattern-changed', () => {
  it('reports a changed pattern as breaking', () => {
    const findings = runCheck(requestPatternChanged, withRequestBody(obj({ sku: { type: 'string', pattern: '^[a-z]+$' } })), withRequestBody(obj({ sku: { type: 'string', pattern: '^[a-z]{3}$' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-pattern-changed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('pattern "^[a-z]+$" → "^[a-z]{3}$"');
  });
  it('stays silent when the pattern is removed', () => {
    expect(runCheck(requestPatternChanged, withRequestBody(obj({ sku: { type: 'string', pattern: '^[a-z]+$' } })), withRequestBody(obj({ sku: { type: 'string' } })))).toEqual([]);
  });
});
