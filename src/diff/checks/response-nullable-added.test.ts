import { describe, expect, it } from 'vitest';
import { responseNullableAdded } from './response-nullable-added.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-nullable-added', () => {
  it('reports a response property that became nullable as breaking', () => {
    const findings = runCheck(responseNullableAdded, withResponse(obj({ owner: { type: 'string' } })), withResponse(obj({ owner: { type: 'string', nullable: true } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-nullable-added', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('property `owner` can now be null');
  });
  it('sees OpenAPI 3.1 type arrays with null', () => {
    const findings = runCheck(responseNullableAdded, withResponse(obj({ owner: { type: 'string' } })), { ...withResponse(obj({ owner: { type: ['string', 'null'] } })), openapi: '3.1.0' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-nullable-added', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('property `owner` can now be null');
  });
  it('stays silent when a response property stops being nullable', () => {
    expect(runCheck(responseNullableAdded, withResponse(obj({ owner: { type: 'string', nullable: true } })), withResponse(obj({ owner: { type: 'string' } })))).toEqual([]);
  });
});
