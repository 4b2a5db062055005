import { describe, expect, it } from 'vitest';
import { responseVariantRemoved } from './response-variant-removed.js';
import { runCheck, obj, withResponse, withSchemas } from './diff-check.test-helper.js';

describe('diff.response-variant-removed', () => {
  it('reports a oneOf variant no longer returned as info', () => {
    const findings = runCheck(responseVariantRemoved, withSchemas(withResponse(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }, { $ref: '#/components/schemas/Bank' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }), withSchemas(withResponse(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-variant-removed', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('oneOf variant "Bank" is no longer returned');
  });
  it('stays silent when a variant is added', () => {
    expect(runCheck(responseVariantRemoved, withSchemas(withResponse(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }), withSchemas(withResponse(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }, { $ref: '#/components/schemas/Bank' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }))).toEqual([]);
  });
});
