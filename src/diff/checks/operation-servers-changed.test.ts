import { describe, expect, it } from 'vitest';
import { operationServersChanged } from './operation-servers-changed.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.operation-servers-changed', () => {
  it('warns when an operation-level server override changes', () => {
    const findings = runCheck(operationServersChanged, withOperation({ servers: [{ url: 'https://a.example.com' }] }), withOperation({ servers: [{ url: 'https://b.example.com' }] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.operation-servers-changed', cause: 'bad-urls', severity: 'medium', operation: 'GET /items' });
    expect(findings[0]!.detail).toContain('https://b.example.com');
    expect(findings[0]!.detail).toContain('https://a.example.com');
  });
  it('stays silent when only the document servers change (server-url-changed reports that once)', () => {
    expect(runCheck(operationServersChanged, withOperation({}, { servers: [{ url: 'https://a.example.com' }] }), withOperation({}, { servers: [{ url: 'https://b.example.com' }] }))).toEqual([]);
  });
});
