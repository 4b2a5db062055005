import { describe, expect, it } from 'vitest';
import { serverAdded } from './server-added.js';
import { runCheck, withOperation } from './diff-check.test-helper.js';

describe('diff.server-added', () => {
  it('reports an added server as info', () => {
    const findings = runCheck(serverAdded, withOperation({}, { servers: [{ url: 'https://us.example.com' }] }), withOperation({}, { servers: [{ url: 'https://us.example.com' }, { url: 'https://eu.example.com' }] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'diff.server-added', cause: 'bad-urls', severity: 'info', operation: null });
    expect(findings[0]!.detail).toContain('https://eu.example.com');
  });
  it('stays silent when a server is only removed', () => {
    expect(runCheck(serverAdded, withOperation({}, { servers: [{ url: 'https://us.example.com' }, { url: 'https://eu.example.com' }] }), withOperation({}, { servers: [{ url: 'https://us.example.com' }] }))).toEqual([]);
  });
});
