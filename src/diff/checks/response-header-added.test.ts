import { describe, expect, it } from 'vitest';
import { responseHeaderAdded } from './response-header-added.js';
import { runCheck, ok, withOperation } from './diff-check.test-helper.js';

describe('diff.response-header-added', () => {
  it('reports a new response header as info', () => {
    const findings = runCheck(responseHeaderAdded, withOperation({ responses: { '200': { description: 'ok' } } }), withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Request-Id': { required: false, schema: { type: 'string' } } } } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-header-added', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('\'X-Request-Id\'');
  });
  it('stays silent when the header only changes case', () => {
    expect(runCheck(responseHeaderAdded, withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Request-Id': { required: false, schema: { type: 'string' } } } } } }), withOperation({ responses: { '200': { description: 'ok', headers: { 'x-request-id': { required: false, schema: { type: 'string' } } } } } }))).toEqual([]);
  });
});
