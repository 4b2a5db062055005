import { describe, expect, it } from 'vitest';
import { requestPropertyAddedRequired } from './request-property-added-required.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-property-added-required', () => {
  it('reports a new required request property as breaking', () => {
    const findings = runCheck(requestPropertyAddedRequired, withRequestBody(obj({ name: { type: 'string' } }, ['name'])), withRequestBody(obj({ name: { type: 'string' }, age: { type: 'integer' } }, ['name', 'age'])));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-property-added-required', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('property `age` was added as required');
  });
  it('ignores a required readOnly property, which requests never carry', () => {
    expect(runCheck(requestPropertyAddedRequired, withRequestBody(obj({ name: { type: 'string' } }, ['name'])), withRequestBody(obj({ name: { type: 'string' }, id: { type: 'string', readOnly: true } }, ['name', 'id'])))).toEqual([]);
  });
});
