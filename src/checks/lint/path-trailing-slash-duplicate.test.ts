import { describe, expect, it } from 'vitest';
import { pathTrailingSlashDuplicate } from './path-trailing-slash-duplicate.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { get: { responses: { '200': { description: 'ok' } } } };

describe('lint.path-trailing-slash-duplicate', () => {
  it('reports the trailing-slash twin of a path once', async () => {
    const drafts = await runLintCheck(pathTrailingSlashDuplicate, baseSpec({
      paths: { '/users': ok, '/users/': ok, '/users/{id}': ok, '/users/{userId}/': ok },
    }));
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users/', pointer: '/paths/~1users~1' });
    expect(drafts[1]!.detail).toContain('/users/{id}');
  });

  it('stays silent on the root path and distinct paths', async () => {
    const drafts = await runLintCheck(pathTrailingSlashDuplicate, baseSpec({ paths: { '/': ok, '/users': ok, '/groups/': ok } }));
    expect(drafts).toEqual([]);
  });
});
