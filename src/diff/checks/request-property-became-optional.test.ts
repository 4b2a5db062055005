import { describe, expect, it } from 'vitest';
import { requestPropertyBecameOptional } from './request-property-became-optional.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-property-became-optional', () => {
  it('reports a request property that became optional as info', () => {
    const findings = runCheck(requestPropertyBecameOptional, withRequestBody(obj({ name: { type: 'string' } }, ['name'])), withRequestBody(obj({ name: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-property-became-optional', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('property `name` is now optional');
  });
  it('stays silent when a property becomes required', () => {
    expect(runCheck(requestPropertyBecameOptional, withRequestBody(obj({ name: { type: 'string' } })), withRequestBody(obj({ name: { type: 'string' } }, ['name'])))).toEqual([]);
  });
});
