import { describe, expect, it } from 'vitest';
import { requestTypeWidened } from './request-type-widened.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-type-widened', () => {
  it('reports integer widened to number on a request as info', () => {
    const findings = runCheck(requestTypeWidened, withRequestBody(obj({ code: { type: 'integer' } })), withRequestBody(obj({ code: { type: 'number' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-type-widened', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('["integer"] → ["number"]');
  });
  it('stays silent when number narrows to integer', () => {
    expect(runCheck(requestTypeWidened, withRequestBody(obj({ code: { type: 'number' } })), withRequestBody(obj({ code: { type: 'integer' } })))).toEqual([]);
  });
});
