import { describe, expect, it } from 'vitest';
import { requestEnumValueAdded } from './request-enum-value-added.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-enum-value-added', () => {
  it('reports an enum value added to a request as info', () => {
    const findings = runCheck(requestEnumValueAdded, withRequestBody(obj({ state: { type: 'string', enum: ['open'] } })), withRequestBody(obj({ state: { type: 'string', enum: ['open', 'closed'] } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-enum-value-added', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('enum value "closed" was added');
  });
  it('stays silent when an enum value is removed', () => {
    expect(runCheck(requestEnumValueAdded, withRequestBody(obj({ state: { type: 'string', enum: ['open', 'closed'] } })), withRequestBody(obj({ state: { type: 'string', enum: ['open'] } })))).toEqual([]);
  });
});
