import { describe, expect, it } from 'vitest';
import { requestParameterStyleChanged } from './request-parameter-style-changed.js';
import { runCheck, withParameters, query } from './diff-check.test-helper.js';

describe('diff.request-parameter-style-changed', () => {
  it('reports a query array that switched to pipeDelimited as breaking', () => {
    const findings = runCheck(requestParameterStyleChanged, withParameters(query('ids', { schema: { type: 'array', items: { type: 'string' } } })), withParameters(query('ids', { style: 'pipeDelimited', schema: { type: 'array', items: { type: 'string' } } })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.request-parameter-style-changed', cause: 'expiring-apis', severity: 'high', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('style form, explode → style pipeDelimited');
  });
  it('treats explicitly written defaults as unchanged', () => {
    expect(runCheck(requestParameterStyleChanged, withParameters(query('ids', { schema: { type: 'array', items: { type: 'string' } } })), withParameters(query('ids', { style: 'form', explode: true, schema: { type: 'array', items: { type: 'string' } } })))).toEqual([]);
  });
});
