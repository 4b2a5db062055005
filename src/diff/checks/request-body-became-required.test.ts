import { describe, expect, it } from 'vitest';
import { requestBodyBecameRequired } from './request-body-became-required.js';
import { runCheck, api, ok } from './diff-check.test-helper.js';

describe('diff.request-body-became-required', () => {
  it('reports an optional body that became required as breaking', () => {
    const findings = runCheck(requestBodyBecameRequired, api({ '/items': { post: { requestBody: { required: false, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }), api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-body-became-required', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('is now required');
  });
  it('stays silent when the body stays required', () => {
    expect(runCheck(requestBodyBecameRequired, api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }), api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }))).toEqual([]);
  });
});
