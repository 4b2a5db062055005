import { describe, expect, it } from 'vitest';
import { responseMediaTypeRemoved } from './response-media-type-removed.js';
import { runCheck, ok, withOperation } from './diff-check.test-helper.js';

describe('diff.response-media-type-removed', () => {
  it('reports a response media type no longer offered as breaking', () => {
    const findings = runCheck(responseMediaTypeRemoved, withOperation({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } } } } }), withOperation({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-media-type-removed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('no longer offers text/csv');
  });
  it('stays silent when a media type is only added', () => {
    expect(runCheck(responseMediaTypeRemoved, withOperation({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } } } }), withOperation({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } } } } }))).toEqual([]);
  });
});
