import { describe, expect, it } from 'vitest';
import { responseAdditionalPropertiesWidened } from './response-additional-properties-widened.js';
import { runCheck, obj, withResponse } from './diff-check.test-helper.js';

describe('diff.response-additional-properties-widened', () => {
  it('warns when a closed response object opens up', () => {
    const findings = runCheck(responseAdditionalPropertiesWidened, withResponse(obj({ meta: { type: 'object', additionalProperties: false } })), withResponse(obj({ meta: { type: 'object' } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.response-additional-properties-widened', cause: 'expiring-apis', severity: 'medium', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('additionalProperties false → true');
  });
  it('stays silent when a response object closes', () => {
    expect(runCheck(responseAdditionalPropertiesWidened, withResponse(obj({ meta: { type: 'object' } })), withResponse(obj({ meta: { type: 'object', additionalProperties: false } })))).toEqual([]);
  });
});
