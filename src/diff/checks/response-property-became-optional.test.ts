import { describe, expect, it } from 'vitest';
import { responsePropertyBecameOptional } from './response-property-became-optional.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-property-became-optional', () => {
  it('reports a response property that is no longer required as breaking', () => {
    const findings = runCheck(responsePropertyBecameOptional, withResponse(obj({ id: { type: 'string' } }, ['id'])), withResponse(obj({ id: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-property-became-optional', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('property `id` is no longer required');
  });
  it('stays silent when a property becomes required', () => {
    expect(runCheck(responsePropertyBecameOptional, withResponse(obj({ id: { type: 'string' } })), withResponse(obj({ id: { type: 'string' } }, ['id'])))).toEqual([]);
  });
});
