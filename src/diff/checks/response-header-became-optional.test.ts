import { describe, expect, it } from 'vitest';
import { responseHeaderBecameOptional } from './response-header-became-optional.js';
import { runCheck, ok, withOperation } from './diff-check.test-helper.js';

describe('diff.response-header-became-optional', () => {
  it('reports a required header that became optional as breaking', () => {
    const findings = runCheck(responseHeaderBecameOptional, withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Request-Id': { required: true, schema: { type: 'string' } } } } } }), withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Request-Id': { required: false, schema: { type: 'string' } } } } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-header-became-optional', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('\'X-Request-Id\' may now be missing');
  });
  it('pairs header names case-insensitively', () => {
    expect(runCheck(responseHeaderBecameOptional, withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Request-Id': { required: true, schema: { type: 'string' } } } } } }), withOperation({ responses: { '200': { description: 'ok', headers: { 'x-request-id': { required: true, schema: { type: 'string' } } } } } }))).toEqual([]);
  });
});
