import { describe, expect, it } from 'vitest';
import { operationUndeprecated } from './operation-undeprecated.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-undeprecated', () => {
  it('reports an operation that is no longer deprecated as info', () => {
    const findings = runCheck(operationUndeprecated, withOperation({ deprecated: true }), withOperation({}));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-undeprecated', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('no longer deprecated');
  });
  it('stays silent when neither version deprecates it', () => {
    expect(runCheck(operationUndeprecated, withOperation({}), withOperation({}))).toEqual([]);
  });
});
