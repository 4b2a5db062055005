import { describe, expect, it } from 'vitest';
import { responseHeaderRemoved } from './response-header-removed.js';
import { runCheck, ok, withOperation } from './diff-check.test-helper.js';

describe('diff.response-header-removed', () => {
  it('warns when an optional response header is removed', () => {
    const findings = runCheck(responseHeaderRemoved, withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Request-Id': { required: false, schema: { type: 'string' } } } } } }), withOperation({ responses: { '200': { description: 'ok' } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-header-removed', cause: 'expiring-apis', severity: 'medium', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('\'X-Request-Id\'');
  });
  it('stays silent for a required header (response-required-header-removed)', () => {
    expect(runCheck(responseHeaderRemoved, withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Request-Id': { required: true, schema: { type: 'string' } } } } } }), withOperation({ responses: { '200': { description: 'ok' } } }))).toEqual([]);
  });
});
