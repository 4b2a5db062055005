import { describe, expect, it } from 'vitest';
import { requestTypeChanged } from './request-type-changed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-type-changed', () => {
  it('reports a request property that changed from string to integer as breaking', () => {
    const findings = runCheck(requestTypeChanged, withRequestBody(obj({ code: { type: 'string' } })), withRequestBody(obj({ code: { type: 'integer' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-type-changed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('property `code`: type ["string"] → ["integer"]');
  });
  it('stays silent when integer widens to number', () => {
    expect(runCheck(requestTypeChanged, withRequestBody(obj({ code: { type: 'integer' } })), withRequestBody(obj({ code: { type: 'number' } })))).toEqual([]);
  });
});
