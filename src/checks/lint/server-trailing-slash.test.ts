import { describe, expect, it } from 'vitest';
import { serverTrailingSlash } from './server-trailing-slash.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.server-trailing-slash', () => {
  it('fires on a server URL ending with a slash', async () => {
    expect(await runLintCheck(serverTrailingSlash, baseSpec({ servers: [{ url: 'https://api.shop.io/v1/' }] }))).toEqual([expect.objectContaining({ pointer: '/servers/0' })]);
  });

  it('stays silent on a URL without one, and on the root path', async () => {
    expect(await runLintCheck(serverTrailingSlash, baseSpec({ servers: [{ url: 'https://api.shop.io/v1' }, { url: '/' }] }))).toEqual([]);
  });
});
