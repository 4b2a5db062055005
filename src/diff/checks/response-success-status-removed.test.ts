import { describe, expect, it } from 'vitest';
import { responseSuccessStatusRemoved } from './response-success-status-removed.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.response-success-status-removed', () => {
  it('reports a success status removed without replacement as breaking', () => {
    const findings = runCheck(responseSuccessStatusRemoved, withOperation({ responses: { '200': { description: 'r' }, '404': { description: 'r' } } }), withOperation({ responses: { '404': { description: 'r' } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-success-status-removed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('response 200 was removed');
  });
  it('leaves a replaced success status to response-success-status-changed', () => {
    expect(runCheck(responseSuccessStatusRemoved, withOperation({ responses: { '200': { description: 'r' } } }), withOperation({ responses: { '201': { description: 'r' } } }))).toEqual([]);
  });
});
