import { describe, expect, it } from 'vitest';
import { responseVariantAdded } from './response-variant-added.js';
import { runCheck, obj, withResponse, withSchemas } from './diff-check.test-helper.js';

describe('diff.response-variant-added', () => {
  it('reports a oneOf variant added to a response as breaking', () => {
    const findings = runCheck(responseVariantAdded, withSchemas(withResponse(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }), withSchemas(withResponse(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }, { $ref: '#/components/schemas/Bank' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-variant-added', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('oneOf variant "Bank" was added');
  });
  it('stays silent when a variant is removed', () => {
    expect(runCheck(responseVariantAdded, withSchemas(withResponse(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }, { $ref: '#/components/schemas/Bank' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }), withSchemas(withResponse(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }))).toEqual([]);
  });
});
