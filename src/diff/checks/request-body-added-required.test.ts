import { describe, expect, it } from 'vitest';
import { requestBodyAddedRequired } from './request-body-added-required.js';
import { runCheck, api, ok } from './diff-check.test-helper.js';

describe('diff.request-body-added-required', () => {
  it('reports a required body added to an operation as breaking', () => {
    const findings = runCheck(requestBodyAddedRequired, api({ '/items': { post: { responses: ok } } }), api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-body-added-required', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('now requires a request body');
  });
  it('stays silent for an optional body', () => {
    expect(runCheck(requestBodyAddedRequired, api({ '/items': { post: { responses: ok } } }), api({ '/items': { post: { requestBody: { required: false, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok } } }))).toEqual([]);
  });
});
