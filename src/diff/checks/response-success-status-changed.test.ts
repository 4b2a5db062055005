import { describe, expect, it } from 'vitest';
import { responseSuccessStatusChanged } from './response-success-status-changed.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.response-success-status-changed', () => {
  it('reports 200 replaced by 201 as breaking', () => {
    const findings = runCheck(responseSuccessStatusChanged, withOperation({ responses: { '200': { description: 'r' } } }), withOperation({ responses: { '201': { description: 'r' } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-success-status-changed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('success status 200 → 201');
  });
  it('stays silent when a success status is only added', () => {
    expect(runCheck(responseSuccessStatusChanged, withOperation({ responses: { '200': { description: 'r' } } }), withOperation({ responses: { '200': { description: 'r' }, '201': { description: 'r' } } }))).toEqual([]);
  });
});
