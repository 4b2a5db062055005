import { describe, expect, it } from 'vitest';
import { requestBodyAddedOptional } from './request-body-added-optional.js';
import { runCheck, api, ok } from './diff-check.test-helper.js';

describe('diff.request-body-added-optional', () => {
  it('reports an optional body added as info', () => {
    const findings = runCheck(requestBodyAddedOptional, api({ '/items': { post: { responses: ok } } }), api({ '/items': { post: { requestBody: { required: false, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-body-added-optional', cause: 'expiring-apis', severity: 'info', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('optional request body');
  });
  it('stays silent for a required body (request-body-added-required)', () => {
    expect(runCheck(requestBodyAddedOptional, api({ '/items': { post: { responses: ok } } }), api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }))).toEqual([]);
  });
});
