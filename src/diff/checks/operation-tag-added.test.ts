import { describe, expect, it } from 'vitest';
import { operationTagAdded } from './operation-tag-added.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-tag-added', () => {
  it('reports an added tag as info', () => {
    const findings = runCheck(operationTagAdded, withOperation({ tags: ['items'] }), withOperation({ tags: ['items', 'catalogue'] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-tag-added', cause: 'expiring-apis', severity: 'info', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('\'catalogue\'');
  });
  it('stays silent when the tags are the same', () => {
    expect(runCheck(operationTagAdded, withOperation({ tags: ['items'] }), withOperation({ tags: ['items'] }))).toEqual([]);
  });
});
