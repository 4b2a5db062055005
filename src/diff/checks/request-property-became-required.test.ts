import { describe, expect, it } from 'vitest';
import { requestPropertyBecameRequired } from './request-property-became-required.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-property-became-required', () => {
  it('reports a request property that became required as breaking', () => {
    const findings = runCheck(requestPropertyBecameRequired, withRequestBody(obj({ name: { type: 'string' } })), withRequestBody(obj({ name: { type: 'string' } }, ['name'])));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-property-became-required', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('property `name` is now required');
  });
  it('stays silent when a property becomes optional', () => {
    expect(runCheck(requestPropertyBecameRequired, withRequestBody(obj({ name: { type: 'string' } }, ['name'])), withRequestBody(obj({ name: { type: 'string' } })))).toEqual([]);
  });
});
