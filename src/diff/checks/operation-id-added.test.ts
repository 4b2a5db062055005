import { describe, expect, it } from 'vitest';
import { operationIdAdded } from './operation-id-added.js';
import { runCheck, api, ok, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-id-added', () => {
  it('reports a new operationId as info', () => {
    const findings = runCheck(operationIdAdded, api({ '/items': { get: { responses: ok } } }), withOperation({}));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-id-added', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('\'listItems\' was added');
  });
  it('stays silent when the operationId was already there', () => {
    expect(runCheck(operationIdAdded, withOperation({}), withOperation({}))).toEqual([]);
  });
});
