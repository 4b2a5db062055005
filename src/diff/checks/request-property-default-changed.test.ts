import { describe, expect, it } from 'vitest';
import { requestPropertyDefaultChanged } from './request-property-default-changed.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-property-default-changed', () => {
  it('warns when the default of a request property changes', () => {
    const findings = runCheck(requestPropertyDefaultChanged, withRequestBody(obj({ order: { type: 'string', default: 'asc' } })), withRequestBody(obj({ order: { type: 'string', default: 'desc' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-property-default-changed', cause: 'expiring-apis', severity: 'medium', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('default "asc" → "desc"');
  });
  it('stays silent when the default is unchanged', () => {
    expect(runCheck(requestPropertyDefaultChanged, withRequestBody(obj({ order: { type: 'string', default: 'asc' } })), withRequestBody(obj({ order: { type: 'string', default: 'asc' } })))).toEqual([]);
  });
});
