import { describe, expect, it } from 'vitest';
import { operationPathChanged } from './operation-path-changed.js';
import { runCheck, api, ok, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-path-changed', () => {
  it('reports an operationId that moved to another path as breaking', () => {
    const findings = runCheck(operationPathChanged, withOperation({}), api({ '/things': { get: { operationId: 'listItems', responses: ok } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-path-changed', cause: 'bad-urls', severity: 'high', operation: 'GET /things' });
    expect(findings[0]!.detail).toContain('moved from /items to /things');
  });
  it('does not pair a deprecated operation with the replacement that took its id', () => {
    expect(runCheck(operationPathChanged, withOperation({ deprecated: true }), api({ '/things': { get: { operationId: 'listItems', responses: ok } } }))).toEqual([]);
  });
});
