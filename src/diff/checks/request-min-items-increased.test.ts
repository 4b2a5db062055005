import { describe, expect, it } from 'vitest';
import { requestMinItemsIncreased } from './request-min-items-increased.js';
import { runCheck, obj, withRequestBody } from './diff-check.test-helper.js';

describe('diff.request-min-items-increased', () => {
  it('reports a raised minItems as breaking', () => {
    const findings = runCheck(requestMinItemsIncreased, withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' }, minItems: 1 } })), withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' }, minItems: 2 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-min-items-increased', cause: 'expiring-apis', severity: 'high', operation: 'POST /items' });
    expect(findings[0]!.detail).toContain('minItems 1 → 2');
  });
  it('treats minItems 0 as no constraint', () => {
    expect(runCheck(requestMinItemsIncreased, withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' } } })), withRequestBody(obj({ tags: { type: 'array', items: { type: 'string' }, minItems: 0 } })))).toEqual([]);
  });
});
