import { describe, expect, it } from 'vitest';
import { requestBodyBecameOptional } from './request-body-became-optional.js';
import { runCheck, api, ok } from './diff-check.test-helper.js';

describe('diff.request-body-became-optional', () => {
  it('reports a required body that became optional as info', () => {
    const findings = runCheck(requestBodyBecameOptional, api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }), api({ '/items': { post: { requestBody: { required: false, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-body-became-optional', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('is now optional');
  });
  it('stays silent when the body stays optional', () => {
    expect(runCheck(requestBodyBecameOptional, api({ '/items': { post: { requestBody: { required: false, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }), api({ '/items': { post: { requestBody: { required: false, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }))).toEqual([]);
  });
});
