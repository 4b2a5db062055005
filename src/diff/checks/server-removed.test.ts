import { describe, expect, it } from 'vitest';
import { serverRemoved } from './server-removed.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.server-removed', () => {
  it('warns when one of the servers is dropped', () => {
    const findings = runCheck(serverRemoved, withOperation({}, { servers: [{ url: 'https://us.example.com' }, { url: 'https://eu.example.com' }] }), withOperation({}, { servers: [{ url: 'https://us.example.com' }] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.server-removed', cause: 'bad-urls', severity: 'medium', operation: null });
    expect(findings[0]!.detail).toContain('https://eu.example.com');
  });
  it('stays silent when the servers are the same', () => {
    expect(runCheck(serverRemoved, withOperation({}, { servers: [{ url: 'https://us.example.com' }, { url: 'https://eu.example.com' }] }), withOperation({}, { servers: [{ url: 'https://us.example.com' }, { url: 'https://eu.example.com' }] }))).toEqual([]);
  });
});
