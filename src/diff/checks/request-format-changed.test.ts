import { describe, expect, it } from 'vitest';
import { requestFormatChanged } from './request-format-changed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-format-changed', () => {
  it('reports a format added to a request string as breaking', () => {
    const findings = runCheck(requestFormatChanged, withRequestBody(obj({ email: { type: 'string' } })), withRequestBody(obj({ email: { type: 'string', format: 'email' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-format-changed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('format (none) → "email"');
  });
  it('stays silent when int64 is written on an integer (no practical limit)', () => {
    expect(runCheck(requestFormatChanged, withRequestBody(obj({ id: { type: 'integer' } })), withRequestBody(obj({ id: { type: 'integer', format: 'int64' } })))).toEqual([]);
  });
});
