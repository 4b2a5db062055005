import { describe, expect, it } from 'vitest';
import { serverUrlChanged } from './server-url-changed.js';
import { runCheck, api, withOperation } from './diff-check.test-helper.js';

describe('diff.server-url-changed', () => {
  it('warns when the server URL changes', () => {
    const findings = runCheck(serverUrlChanged, withOperation({}, { servers: [{ url: 'https://api.example.com/v1' }] }), withOperation({}, { servers: [{ url: 'https://api.example.com/v2' }] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.server-url-changed', cause: 'bad-urls', severity: 'medium', operation: null });
    expect(findings[0]!.detail).toContain('https://api.example.com/v1 → https://api.example.com/v2');
  });
  it('stays silent when only a trailing slash differs', () => {
    expect(runCheck(serverUrlChanged, withOperation({}, { servers: [{ url: 'https://api.example.com/v1' }] }), withOperation({}, { servers: [{ url: 'https://api.example.com/v1/' }] }))).toEqual([]);
  });
});
