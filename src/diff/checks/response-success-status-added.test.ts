import { describe, expect, it } from 'vitest';
import { responseSuccessStatusAdded } from './response-success-status-added.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.response-success-status-added', () => {
  it('reports an added success status as info', () => {
    const findings = runCheck(responseSuccessStatusAdded, withOperation({ responses: { '200': { description: 'r' } } }), withOperation({ responses: { '200': { description: 'r' }, '202': { description: 'r' } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-success-status-added', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('response 202 was added');
  });
  it('stays silent when the new status replaces the old one', () => {
    expect(runCheck(responseSuccessStatusAdded, withOperation({ responses: { '200': { description: 'r' } } }), withOperation({ responses: { '201': { description: 'r' } } }))).toEqual([]);
  });
});
