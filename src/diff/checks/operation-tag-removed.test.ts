import { describe, expect, it } from 'vitest';
import { operationTagRemoved } from './operation-tag-removed.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-tag-removed', () => {
  it('reports a removed tag as info', () => {
    const findings = runCheck(operationTagRemoved, withOperation({ tags: ['items', 'catalogue'] }), withOperation({ tags: ['items'] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-tag-removed', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('\'catalogue\'');
  });
  it('stays silent when a tag is only added', () => {
    expect(runCheck(operationTagRemoved, withOperation({ tags: ['items'] }), withOperation({ tags: ['items', 'catalogue'] }))).toEqual([]);
  });
});
