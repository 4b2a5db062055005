import { describe, expect, it } from 'vitest';
import { pathTemplateAmbiguous } from './path-template-ambiguous.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };

describe('lint.path-template-ambiguous', () => {
  it('reports each method two equivalent templates share', async () => {
    const drafts = await runLintCheck(pathTemplateAmbiguous, baseSpec({
      paths: { '/users/{id}': { get: ok, delete: ok }, '/users/{name}': { get: ok, put: ok } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users/{name}', pointer: '/paths/~1users~1{name}/get' });
    expect(drafts[0]!.detail).toContain('/users/{id}');
  });

  it('reports equivalent templates with different methods once at low severity', async () => {
    const drafts = await runLintCheck(pathTemplateAmbiguous, baseSpec({ paths: { '/users/{id}': { get: ok }, '/users/{name}': { put: ok } } }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/paths/~1users~1{name}', severity: 'low' });
  });

  it('stays silent when a static segment tells the paths apart', async () => {
    const drafts = await runLintCheck(pathTemplateAmbiguous, baseSpec({ paths: { '/users/{id}': { get: ok }, '/users/me': { get: ok }, '/users/{id}/posts': { get: ok } } }));
    expect(drafts).toEqual([]);
  });
});
