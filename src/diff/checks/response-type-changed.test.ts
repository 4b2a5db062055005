import { describe, expect, it } from 'vitest';
import { responseTypeChanged } from './response-type-changed.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-type-changed', () => {
  it('reports a response property that changed from integer to string as breaking', () => {
    const findings = runCheck(responseTypeChanged, withResponse(obj({ id: { type: 'integer' } })), withResponse(obj({ id: { type: 'string' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-type-changed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('property `id`: type ["integer"] → ["string"]');
  });
  it('reports a response header whose type changed', () => {
    const findings = runCheck(responseTypeChanged, withResponse({ type: 'object' }, { 'X-Rate-Limit': { schema: { type: 'integer' } } }), withResponse({ type: 'object' }, { 'X-Rate-Limit': { schema: { type: 'string' } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-type-changed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('response 200 header \'X-Rate-Limit\': type ["integer"] → ["string"]');
  });
  it('stays silent when number narrows to integer', () => {
    expect(runCheck(responseTypeChanged, withResponse(obj({ id: { type: 'number' } })), withResponse(obj({ id: { type: 'integer' } })))).toEqual([]);
  });
});
