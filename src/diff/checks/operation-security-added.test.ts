import { describe, expect, it } from 'vitest';
import { operationSecurityAdded } from './operation-security-added.js';
import { runCheck, withSecurity } from './diff-check.test-helper.js';

describe('diff.operation-security-added', () => {
  it('reports a public operation that now needs credentials as breaking', () => {
    const findings = runCheck(operationSecurityAdded, withSecurity([]), withSecurity([{ apiKey: [] }]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-security-added', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('was public and now needs apiKey');
  });
  it('stays silent when anonymous access stays an alternative', () => {
    expect(runCheck(operationSecurityAdded, withSecurity([]), withSecurity([{ apiKey: [] }, {}]))).toEqual([]);
  });
});
