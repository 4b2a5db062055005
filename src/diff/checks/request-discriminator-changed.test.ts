import { describe, expect, it } from 'vitest';
import { requestDiscriminatorChanged } from './request-discriminator-changed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-discriminator-changed', () => {
  it('reports a changed discriminator property as breaking', () => {
    const findings = runCheck(requestDiscriminatorChanged, withRequestBody({ ...obj({ kind: { type: 'string' } }), discriminator: { propertyName: 'kind' } }), withRequestBody({ ...obj({ type: { type: 'string' } }), discriminator: { propertyName: 'type' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-discriminator-changed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('discriminator "kind" → "type"');
  });
  it('stays silent when the discriminator is the same', () => {
    expect(runCheck(requestDiscriminatorChanged, withRequestBody({ ...obj({ kind: { type: 'string' } }), discriminator: { propertyName: 'kind' } }), withRequestBody({ ...obj({ kind: { type: 'string' } }), discriminator: { propertyName: 'kind' } }))).toEqual([]);
  });
});
