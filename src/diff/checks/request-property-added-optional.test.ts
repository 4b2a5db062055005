import { describe, expect, it } from 'vitest';
import { requestPropertyAddedOptional } from './request-property-added-optional.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-property-added-optional', () => {
  it('reports a new optional request property as info', () => {
    const findings = runCheck(requestPropertyAddedOptional, withRequestBody(obj({ name: { type: 'string' } })), withRequestBody(obj({ name: { type: 'string' }, age: { type: 'integer' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-property-added-optional', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('property `age` was added (optional)');
  });
  it('stays silent for a new required property', () => {
    expect(runCheck(requestPropertyAddedOptional, withRequestBody(obj({ name: { type: 'string' } })), withRequestBody(obj({ name: { type: 'string' }, age: { type: 'integer' } }, ['age'])))).toEqual([]);
  });
});
