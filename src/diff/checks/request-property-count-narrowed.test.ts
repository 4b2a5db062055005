import { describe, expect, it } from 'vitest';
import { requestPropertyCountNarrowed } from './request-property-count-narrowed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-property-count-narrowed', () => {
  it('reports a lowered maxProperties as breaking', () => {
    const findings = runCheck(requestPropertyCountNarrowed, withRequestBody(obj({ labels: { type: 'object', additionalProperties: { type: 'string' }, maxProperties: 10 } })), withRequestBody(obj({ labels: { type: 'object', additionalProperties: { type: 'string' }, maxProperties: 5 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-property-count-narrowed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('maxProperties 10 → 5');
  });
  it('stays silent when maxProperties is raised', () => {
    expect(runCheck(requestPropertyCountNarrowed, withRequestBody(obj({ labels: { type: 'object', additionalProperties: { type: 'string' }, maxProperties: 5 } })), withRequestBody(obj({ labels: { type: 'object', additionalProperties: { type: 'string' }, maxProperties: 10 } })))).toEqual([]);
  });
});
