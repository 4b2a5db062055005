import { describe, expect, it } from 'vitest';
import { responseErrorStatusAdded } from './response-error-status-added.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.response-error-status-added', () => {
  it('reports a new error status as info', () => {
    const findings = runCheck(responseErrorStatusAdded, withOperation({ responses: { '200': { description: 'r' } } }), withOperation({ responses: { '200': { description: 'r' }, '429': { description: 'r' } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-error-status-added', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('response 429 was added');
  });
  it('stays silent when the statuses are the same', () => {
    expect(runCheck(responseErrorStatusAdded, withOperation({ responses: { '200': { description: 'r' } } }), withOperation({ responses: { '200': { description: 'r' } } }))).toEqual([]);
  });
});
