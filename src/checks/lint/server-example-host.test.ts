import { describe, expect, it } from 'vitest';
import { serverExampleHost } from './server-example-host.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.server-example-host', () => {
  it('fires on example.com', async () => {
    expect(await runLintCheck(serverExampleHost, baseSpec())).toEqual([expect.objectContaining({ pointer: '/servers/0' })]);
  });

  it('stays silent on a real host that merely contains the word', async () => {
    expect(await runLintCheck(serverExampleHost, baseSpec({ servers: [{ url: 'https://api.example-shop.io/v1' }, { url: 'https://api.github.com' }] }))).toEqual([]);
  });
});
