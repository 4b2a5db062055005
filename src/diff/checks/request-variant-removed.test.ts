import { describe, expect, it } from 'vitest';
import { requestVariantRemoved } from './request-variant-removed.js';
import { runCheck, obj, withRequestBody, withSchemas } from './diff-check.test-helper.js';

describe('diff.request-variant-removed', () => {
  it('reports a oneOf variant no longer accepted as breaking', () => {
    const findings = runCheck(requestVariantRemoved, withSchemas(withRequestBody(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }, { $ref: '#/components/schemas/Bank' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }), withSchemas(withRequestBody(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-variant-removed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('oneOf variant "Bank" was removed');
  });
  it('stays silent when a variant is added', () => {
    expect(runCheck(requestVariantRemoved, withSchemas(withRequestBody(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }), withSchemas(withRequestBody(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }, { $ref: '#/components/schemas/Bank' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }))).toEqual([]);
  });
});
