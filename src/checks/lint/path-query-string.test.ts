import { describe, expect, it } from 'vitest';
import { pathQueryString } from './path-query-string.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { get: { responses: { '200': { description: 'ok' } } } };

describe('lint.path-query-string', () => {
  it('fires on a path key with a query string', async () => {
    const drafts = await runLintCheck(pathQueryString, baseSpec({ paths: { '/search?q={q}': ok } }));
    expect(drafts).toEqual([expect.objectContaining({ pointer: '/paths/~1search?q={q}' })]);
  });

  it('stays silent on plain path keys', async () => {
    expect(await runLintCheck(pathQueryString, baseSpec({ paths: { '/search': ok, '/users/{id}': ok } }))).toEqual([]);
  });
});
