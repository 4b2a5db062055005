import { describe, expect, it } from 'vitest';
import { requestVariantAdded } from './request-variant-added.js';
import { runCheck, obj, withRequestBody, withSchemas } from './diff-check.test-helper.js';

describe('diff.request-variant-added', () => {
  it('reports a oneOf variant added to a request as info', () => {
    const findings = runCheck(requestVariantAdded, withSchemas(withRequestBody(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }), withSchemas(withRequestBody(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }, { $ref: '#/components/schemas/Bank' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-variant-added', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('oneOf variant "Bank" was added');
  });
  it('stays silent when a variant is removed', () => {
    expect(runCheck(requestVariantAdded, withSchemas(withRequestBody(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }, { $ref: '#/components/schemas/Bank' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }), withSchemas(withRequestBody(obj({ payment: { oneOf: [{ $ref: '#/components/schemas/Card' }] } })), { Card: obj({ number: { type: 'string' } }), Bank: obj({ iban: { type: 'string' } }) }))).toEqual([]);
  });
});
