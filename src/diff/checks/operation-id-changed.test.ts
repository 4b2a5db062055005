import { describe, expect, it } from 'vitest';
import { operationIdChanged } from './operation-id-changed.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-id-changed', () => {
  it('warns when the operationId of the same operation is renamed', () => {
    const findings = runCheck(operationIdChanged, withOperation({}), withOperation({ operationId: 'getItems' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-id-changed', cause: 'expiring-apis', severity: 'medium', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('\'listItems\' → \'getItems\'');
  });
  it('stays silent when the operationId is unchanged', () => {
    expect(runCheck(operationIdChanged, withOperation({}), withOperation({}))).toEqual([]);
  });
});
