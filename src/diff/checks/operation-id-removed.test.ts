import { describe, expect, it } from 'vitest';
import { operationIdRemoved } from './operation-id-removed.js';
import { runCheck, api, ok, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-id-removed', () => {
  it('warns when an operation loses its operationId', () => {
    const findings = runCheck(operationIdRemoved, withOperation({}), api({ '/items': { get: { responses: ok } } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-id-removed', cause: 'expiring-apis', severity: 'medium', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('\'listItems\' was removed');
  });
  it('stays silent when the operationId stays', () => {
    expect(runCheck(operationIdRemoved, withOperation({}), withOperation({}))).toEqual([]);
  });
});
