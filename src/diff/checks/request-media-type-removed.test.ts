import { describe, expect, it } from 'vitest';
import { requestMediaTypeRemoved } from './request-media-type-removed.js';
import { runCheck, api, ok } from './diff-check.test-helper.js';

describe('diff.request-media-type-removed', () => {
  it('reports a request media type no longer accepted as breaking', () => {
    const findings = runCheck(requestMediaTypeRemoved, api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } }, 'application/xml': { schema: { type: 'object' } } } }, responses: ok } } }), api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-media-type-removed', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('no longer accepts application/xml');
  });
  it('pairs application/json with application/json; charset=utf-8', () => {
    expect(runCheck(requestMediaTypeRemoved, api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }), api({ '/items': { post: { requestBody: { required: true, content: { 'application/json; charset=utf-8': { schema: { type: 'object' } } } }, responses: ok } } }))).toEqual([]);
  });
});
