import { describe, expect, it } from 'vitest';
import { responsePropertyBecameRequired } from './response-property-became-required.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-property-became-required', () => {
  it('reports a response property that is now always present as info', () => {
    const findings = runCheck(responsePropertyBecameRequired, withResponse(obj({ id: { type: 'string' } })), withResponse(obj({ id: { type: 'string' } }, ['id'])));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-property-became-required', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('property `id` is now always present');
  });
  it('stays silent when a property becomes optional', () => {
    expect(runCheck(responsePropertyBecameRequired, withResponse(obj({ id: { type: 'string' } }, ['id'])), withResponse(obj({ id: { type: 'string' } })))).toEqual([]);
  });
});
