import { describe, expect, it } from 'vitest';
import { requestBodyRemoved } from './request-body-removed.js';
import { runCheck, api, ok } from './diff-check.test-helper.js';

describe('diff.request-body-removed', () => {
  it('warns when the request body is removed', () => {
    const findings = runCheck(requestBodyRemoved, api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }), api({ '/items': { post: { responses: ok } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-body-removed', cause: 'expiring-apis', severity: 'medium', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('no longer takes a request body');
  });
  it('stays silent when the body stays', () => {
    expect(runCheck(requestBodyRemoved, api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }), api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }))).toEqual([]);
  });
});
