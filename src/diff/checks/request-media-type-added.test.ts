import { describe, expect, it } from 'vitest';
import { requestMediaTypeAdded } from './request-media-type-added.js';
import { runCheck, api, ok } from './diff-check.test-helper.js';

describe('diff.request-media-type-added', () => {
  it('reports an added request media type as info', () => {
    const findings = runCheck(requestMediaTypeAdded, api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }), api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } }, 'application/xml': { schema: { type: 'object' } } } }, responses: ok } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-media-type-added', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('also accepts application/xml');
  });
  it('stays silent when the media types are the same', () => {
    expect(runCheck(requestMediaTypeAdded, api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }), api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }))).toEqual([]);
  });
});
