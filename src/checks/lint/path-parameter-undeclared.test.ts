import { describe, expect, it } from 'vitest';
import { pathParameterUndeclared } from './path-parameter-undeclared.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { '200': { description: 'ok' } };
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

describe('lint.path-parameter-undeclared', () => {
  it('reports a template variable with no parameter and a parameter missing from the template', async () => {
    const drafts = await runLintCheck(pathParameterUndeclared, baseSpec({
      paths: {
        '/users/{userId}': { get: { parameters: [pathParam('id')], responses: ok } },
      },
    }));
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users/{userId}', pointer: '/paths/~1users~1{userId}/get' });
    expect(drafts[0]!.detail).toContain('{userId}');
    expect(drafts[1]).toMatchObject({ operation: 'GET /users/{userId}', pointer: '/paths/~1users~1{userId}/get/parameters/0' });
  });

  it('reports a stray path-level parameter once for all methods', async () => {
    const drafts = await runLintCheck(pathParameterUndeclared, baseSpec({
      paths: { '/users': { parameters: [pathParam('id')], get: { responses: ok }, post: { responses: ok } } },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ pointer: '/paths/~1users/parameters/0' });
  });

  it('stays silent when path-level and operation-level parameters cover the template', async () => {
    const drafts = await runLintCheck(pathParameterUndeclared, baseSpec({
      paths: { '/orgs/{org}/users/{id}': { parameters: [pathParam('org')], get: { parameters: [pathParam('id')], responses: ok } } },
    }));
    expect(drafts).toEqual([]);
  });
});
