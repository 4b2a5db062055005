import { describe, expect, it } from 'vitest';
import { requestUniqueItemsAdded } from './request-unique-items-added.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-unique-items-added', () => {
  it('reports uniqueItems added to a request array as breaking', () => {
    const findings = runCheck(requestUniqueItemsAdded, withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' } } })), withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' }, uniqueItems: true } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-unique-items-added', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('uniqueItems is now true');
  });
  it('stays silent when uniqueItems is dropped', () => {
    expect(runCheck(requestUniqueItemsAdded, withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' }, uniqueItems: true } })), withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' } } })))).toEqual([]);
  });
});
