import { describe, expect, it } from 'vitest';
import { responseRequiredHeaderRemoved } from './response-required-header-removed.js';
import { runCheck, ok, withOperation } from './diff-check.test-helper.js';

describe('diff.response-required-header-removed', () => {
  it('reports a required response header removed as breaking', () => {
    const findings = runCheck(responseRequiredHeaderRemoved, withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Request-Id': { required: true, schema: { type: 'string' } } } } } }), withOperation({ responses: { '200': { description: 'ok' } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-required-header-removed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('\'X-Request-Id\'');
  });
  it('stays silent for an optional header (response-header-removed)', () => {
    expect(runCheck(responseRequiredHeaderRemoved, withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Request-Id': { required: false, schema: { type: 'string' } } } } } }), withOperation({ responses: { '200': { description: 'ok' } } }))).toEqual([]);
  });
});
