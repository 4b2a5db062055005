import { describe, expect, it } from 'vitest';
import { requestAdditionalPropertiesNarrowed } from './request-additional-properties-narrowed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-additional-properties-narrowed', () => {
  it('reports additionalProperties: false added to a request object as breaking', () => {
    const findings = runCheck(requestAdditionalPropertiesNarrowed, withRequestBody(obj({ meta: { type: 'object' } })), withRequestBody(obj({ meta: { type: 'object', additionalProperties: false } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-additional-properties-narrowed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('additionalProperties true → false');
  });
  it('stays silent when extra properties become allowed', () => {
    expect(runCheck(requestAdditionalPropertiesNarrowed, withRequestBody(obj({ meta: { type: 'object', additionalProperties: false } })), withRequestBody(obj({ meta: { type: 'object' } })))).toEqual([]);
  });
});
