import { describe, expect, it } from 'vitest';
import { requestBecameEnum } from './request-became-enum.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-became-enum', () => {
  it('reports a free string restricted to an enum as breaking', () => {
    const findings = runCheck(requestBecameEnum, withRequestBody(obj({ state: { type: 'string' } })), withRequestBody(obj({ state: { type: 'string', enum: ['open', 'closed'] } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-became-enum', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('now only ["open","closed"]');
  });
  it('stays silent when the enum is lifted', () => {
    expect(runCheck(requestBecameEnum, withRequestBody(obj({ state: { type: 'string', enum: ['open', 'closed'] } })), withRequestBody(obj({ state: { type: 'string' } })))).toEqual([]);
  });
});
