import { describe, expect, it } from 'vitest';
import { requestMaxItemsDecreased } from './request-max-items-decreased.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-max-items-decreased', () => {
  it('reports a lowered maxItems as breaking', () => {
    const findings = runCheck(requestMaxItemsDecreased, withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' }, maxItems: 10 } })), withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' }, maxItems: 5 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-max-items-decreased', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('maxItems 10 → 5');
  });
  it('stays silent when maxItems is removed', () => {
    expect(runCheck(requestMaxItemsDecreased, withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' }, maxItems: 10 } })), withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' } } })))).toEqual([]);
  });
});
