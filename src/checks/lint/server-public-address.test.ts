import { describe, expect, it } from 'vitest';
import { serverPublicAddress } from './server-public-address.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.server-public-address', () => {
  it('reports bind-all, public and private literal addresses', async () => {
    const drafts = await runLintCheck(serverPublicAddress, baseSpec({
      servers: [{ url: 'http://0.0.0.0:8080' }, { url: 'https://52.14.7.9/v1' }, { url: 'https://[2a00:1450:4001:80b::200e]/v1' }, { url: 'http://10.0.3.7:8080' }],
    }));
    expect(drafts).toHaveLength(4);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/servers/0' });
    expect(drafts[0]!.detail).toContain('bind-all');
    expect(drafts[1]!.detail).toContain('52.14.7.9');
    expect(drafts[2]!.detail).toContain('2a00:1450:4001:80b::200e');
    expect(drafts[3]).toMatchObject({ pointer: '/servers/3', severity: 'low' });
  });

  it('stays silent on host names, loopback and documentation addresses', async () => {
    const drafts = await runLintCheck(serverPublicAddress, baseSpec({
      servers: [{ url: 'https://api.example.com' }, { url: 'http://127.0.0.1:3000' }, { url: 'http://[::1]:3000' }, { url: 'https://203.0.113.10' }, { url: '/v1' }],
    }));
    expect(drafts).toEqual([]);
  });
});
