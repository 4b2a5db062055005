import { describe, expect, it } from 'vitest';
import { responseErrorStatusRemoved } from './response-error-status-removed.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.response-error-status-removed', () => {
  it('reports an error status no longer documented as info', () => {
    const findings = runCheck(responseErrorStatusRemoved, withOperation({ responses: { '200': { description: 'r' }, '404': { description: 'r' } } }), withOperation({ responses: { '200': { description: 'r' } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-error-status-removed', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('response 404 is no longer documented');
  });
  it('stays silent when the statuses are the same', () => {
    expect(runCheck(responseErrorStatusRemoved, withOperation({ responses: { '200': { description: 'r' }, '404': { description: 'r' } } }), withOperation({ responses: { '200': { description: 'r' }, '404': { description: 'r' } } }))).toEqual([]);
  });
});
