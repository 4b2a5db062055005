import { describe, expect, it } from 'vitest';
import { operationAdded } from './operation-added.js';
import { runCheck, api, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-added', () => {
  it('reports a new operation as info', () => {
    const findings = runCheck(operationAdded, api({}), withOperation({}));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-added', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('GET /items is new');
  });
  it('stays silent when nothing was added', () => {
    expect(runCheck(operationAdded, withOperation({}), withOperation({}))).toEqual([]);
  });
});
