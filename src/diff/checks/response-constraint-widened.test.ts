import { describe, expect, it } from 'vitest';
import { responseConstraintWidened } from './response-constraint-widened.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-constraint-widened', () => {
  it('reports a raised maxLength on a response value as breaking', () => {
    const findings = runCheck(responseConstraintWidened, withResponse(obj({ sha: { type: 'string', maxLength: 40 } })), withResponse(obj({ sha: { type: 'string', maxLength: 64 } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-constraint-widened', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('maxLength 40 → 64');
  });
  it('stays silent when a response constraint tightens', () => {
    expect(runCheck(responseConstraintWidened, withResponse(obj({ sha: { type: 'string', maxLength: 64 } })), withResponse(obj({ sha: { type: 'string', maxLength: 40 } })))).toEqual([]);
  });
});
