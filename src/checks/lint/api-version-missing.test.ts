import { describe, expect, it } from 'vitest';
import { apiVersionMissing } from './api-version-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };

describe('lint.api-version-missing', () => {
  it('fires once when neither info.version, server URL, paths nor headers carry a version', async () => {
    const drafts = await runLintCheck(apiVersionMissing, baseSpec({
      info: { title: 'T', version: '' },
      servers: [{ url: 'https://v1beta.example.com/api' }],
      paths: { '/users': { get: ok } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/info' });
  });

  it('stays silent when the version is in info, the server URL, a path prefix or a header', async () => {
    const noInfoVersion = { title: 'T', version: '' };
    const specs = [
      baseSpec({ paths: { '/users': { get: ok } } }),
      baseSpec({ info: noInfoVersion, servers: [{ url: 'https://api.example.com/v2' }], paths: { '/users': { get: ok } } }),
      baseSpec({ info: noInfoVersion, servers: [], paths: { '/2023-01-01/users': { get: ok } } }),
      baseSpec({ info: noInfoVersion, servers: [], paths: { '/users': { get: { parameters: [{ name: 'Api-Version', in: 'header' }], ...ok } } } }),
    ];
    for (const spec of specs) expect(await runLintCheck(apiVersionMissing, spec)).toEqual([]);
  });
});
