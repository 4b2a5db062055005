import { describe, expect, it } from 'vitest';
import { serversMissing } from './servers-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.servers-missing', () => {
  it('fires on an empty server list', async () => {
    expect(await runLintCheck(serversMissing, baseSpec({ servers: [] }))).toEqual([expect.objectContaining({ detail: 'The description has no servers (or an empty list).' })]);
  });

  it('stays silent when a server is named', async () => {
    expect(await runLintCheck(serversMissing, baseSpec())).toEqual([]);
  });
});
