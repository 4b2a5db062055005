import { describe, expect, it } from 'vitest';
import { serverUrlInvalid } from './server-url-invalid.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.server-url-invalid', () => {
  it('reports a host without scheme, a variable without default and an undefined variable', async () => {
    const drafts = await runLintCheck(serverUrlInvalid, baseSpec({
      servers: [
        { url: 'api.example.com/v1' },
        { url: 'https://{region}.example.com', variables: { region: { enum: ['eu', 'us'] } } },
        { url: 'https://{tenant}.example.com/{basePath}', variables: { tenant: { default: 'acme' } } },
        { url: 'https://api.example.com /v1' },
      ],
    }));
    expect(drafts).toHaveLength(4);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/servers/0', severity: 'high' });
    expect(drafts[1]!.detail).toContain("variable 'region' has no default");
    expect(drafts[2]!.detail).toContain('uses {basePath} but defines no such variable');
    expect(drafts[3]).toMatchObject({ pointer: '/servers/3' });
    expect(drafts[3]!.detail).toContain('whitespace');
  });

  it('reports a default outside the enum and a non-http scheme', async () => {
    const drafts = await runLintCheck(serverUrlInvalid, baseSpec({
      servers: [
        { url: 'https://{env}.example.com', variables: { env: { default: 'prod', enum: ['staging', 'production'] } } },
        { url: 'ftp://files.example.com' },
      ],
    }));
    expect(drafts).toHaveLength(2);
    expect(drafts[0]!.severity).toBeUndefined();
    expect(drafts[1]).toMatchObject({ severity: 'high' });
  });

  it('stays silent on absolute, relative and templated URLs with defaults', async () => {
    const drafts = await runLintCheck(serverUrlInvalid, baseSpec({
      servers: [
        { url: 'https://api.example.com/v1' },
        { url: '/v1' },
        { url: 'http://localhost:8080' },
        { url: '{scheme}://{host}:{port}/api', variables: { scheme: { default: 'https', enum: ['http', 'https'] }, host: { default: 'api.example.com' }, port: { default: '443' } } },
      ],
    }));
    expect(drafts).toEqual([]);
  });
});
