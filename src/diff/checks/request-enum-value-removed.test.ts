import { describe, expect, it } from 'vitest';
import { requestEnumValueRemoved } from './request-enum-value-removed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-enum-value-removed', () => {
  it('reports an enum value no longer accepted as breaking', () => {
    const findings = runCheck(requestEnumValueRemoved, withRequestBody(obj({ state: { type: 'string', enum: ['open', 'closed'] } })), withRequestBody(obj({ state: { type: 'string', enum: ['open'] } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-enum-value-removed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('enum value "closed" was removed');
  });
  it('stays silent when an enum value is added', () => {
    expect(runCheck(requestEnumValueRemoved, withRequestBody(obj({ state: { type: 'string', enum: ['open'] } })), withRequestBody(obj({ state: { type: 'string', enum: ['open', 'closed'] } })))).toEqual([]);
  });
});
