import { describe, expect, it } from 'vitest';
import { responseFormatChanged } from './response-format-changed.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-format-changed', () => {
  it('reports date-time changed to date in a response as breaking', () => {
    const findings = runCheck(responseFormatChanged, withResponse(obj({ at: { type: 'string', format: 'date-time' } })), withResponse(obj({ at: { type: 'string', format: 'date' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-format-changed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('format "date-time" → "date"');
  });
  it('stays silent when a format is added to a response', () => {
    expect(runCheck(responseFormatChanged, withResponse(obj({ at: { type: 'string' } })), withResponse(obj({ at: { type: 'string', format: 'date-time' } })))).toEqual([]);
  });
});
