import { describe, expect, it } from 'vitest';
import { operationMethodChanged } from './operation-method-changed.js';
import { runCheck, api, ok } from './diff-check.test-helper.js';

describe('diff.operation-method-changed', () => {
  it('reports an operationId that moved from POST to GET as breaking', () => {
    const findings = runCheck(operationMethodChanged, api({ '/search': { post: { operationId: 'search', responses: ok } } }), api({ '/search': { get: { operationId: 'search', responses: ok } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-method-changed', cause: 'bad-urls', severity: 'high', operation: 'GET /search' });
    expect(findings[0]!.detail).toContain('from POST to GET');
  });
  it('stays silent when the method stays', () => {
    expect(runCheck(operationMethodChanged, api({ '/search': { post: { operationId: 'search', responses: ok } } }), api({ '/search': { post: { operationId: 'search', responses: ok } } }))).toEqual([]);
  });
});
