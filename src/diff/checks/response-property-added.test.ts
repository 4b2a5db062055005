import { describe, expect, it } from 'vitest';
import { responsePropertyAdded } from './response-property-added.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-property-added', () => {
  it('reports a new response property as info', () => {
    const findings = runCheck(responsePropertyAdded, withResponse(obj({ id: { type: 'string' } })), withResponse(obj({ id: { type: 'string' }, url: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-property-added', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('property `url` was added');
  });
  it('ignores a writeOnly property, which responses never carry', () => {
    expect(runCheck(responsePropertyAdded, withResponse(obj({ id: { type: 'string' } })), withResponse(obj({ id: { type: 'string' }, password: { type: 'string', writeOnly: true } })))).toEqual([]);
  });
});
