import { describe, expect, it } from 'vitest';
import { responseMediaTypeAdded } from './response-media-type-added.js';
import { runCheck, ok, withOperation } from './diff-check.test-helper.js';

describe('diff.response-media-type-added', () => {
  it('reports an added response media type as info', () => {
    const findings = runCheck(responseMediaTypeAdded, withOperation({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } } } }), withOperation({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } } } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-media-type-added', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('also offers text/csv');
  });
  it('stays silent when the media types are the same', () => {
    expect(runCheck(responseMediaTypeAdded, withOperation({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } } } }), withOperation({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } } } }))).toEqual([]);
  });
});
