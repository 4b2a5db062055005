import { describe, expect, it } from 'vitest';
import { serverPlainHttp } from './server-plain-http.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.server-plain-http', () => {
  it('reports a plain http server on a remote host, including operation-level servers', async () => {
    const drafts = await runLintCheck(serverPlainHttp, baseSpec({
      servers: [{ url: 'http://api.example.com/v1' }, { url: 'https://api.example.com/v1' }],
      paths: { '/a': { get: { servers: [{ url: 'http://{host}/v1', variables: { host: { default: 'files.example.com' } } }], responses: { '200': { description: 'ok' } } } } },
    }));
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/servers/0' });
    expect(drafts[1]).toMatchObject({ pointer: '/paths/~1a/get/servers/0' });
    expect(drafts[1]!.detail).toContain('http://files.example.com/v1');
  });

  it('reports Swagger 2.0 http schemes at the scheme entry', async () => {
    const drafts = await runLintCheck(serverPlainHttp, { swagger: '2.0', info: { title: 't', version: '1' }, host: 'api.example.com', schemes: ['https', 'http'], paths: {} });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ pointer: '/schemes/1' });
  });

  it('stays silent on https and on loopback development servers', async () => {
    const drafts = await runLintCheck(serverPlainHttp, baseSpec({
      servers: [{ url: 'https://api.example.com' }, { url: 'http://localhost:8080' }, { url: 'http://127.0.0.1:3000/v1' }, { url: 'http://[::1]:8080' }, { url: '/v1' }],
    }));
    expect(drafts).toEqual([]);
  });
});
