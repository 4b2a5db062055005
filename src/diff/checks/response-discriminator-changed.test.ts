import { describe, expect, it } from 'vitest';
import { responseDiscriminatorChanged } from './response-discriminator-changed.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-discriminator-changed', () => {
  it('reports a changed discriminator property in a response as breaking', () => {
    const findings = runCheck(responseDiscriminatorChanged, withResponse({ ...obj({ kind: { type: 'string' } }), discriminator: { propertyName: 'kind' } }), withResponse({ ...obj({ type: { type: 'string' } }), discriminator: { propertyName: 'type' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-discriminator-changed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('discriminator "kind" → "type"');
  });
  it('stays silent when the discriminator is the same', () => {
    expect(runCheck(responseDiscriminatorChanged, withResponse({ ...obj({ kind: { type: 'string' } }), discriminator: { propertyName: 'kind' } }), withResponse({ ...obj({ kind: { type: 'string' } }), discriminator: { propertyName: 'kind' } }))).toEqual([]);
  });
});
