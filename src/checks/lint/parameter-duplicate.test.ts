import { describe, expect, it } from 'vitest';
import { parameterDuplicate } from './parameter-duplicate.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };
const q = (name: string) => ({ name, in: 'query', schema: { type: 'string' } });

describe('lint.parameter-duplicate', () => {
  it('fires on the second declaration of the same query parameter', async () => {
    const drafts = await runLintCheck(parameterDuplicate, baseSpec({ paths: { '/users': { get: { parameters: [q('page'), q('sort'), q('page')], ...ok } } } }));
    expect(drafts).toEqual([expect.objectContaining({ operation: 'GET /users', pointer: '/paths/~1users/get/parameters/2' })]);
  });

  it('stays silent on one name in two locations, and on an operation overriding a path-level parameter', async () => {
    expect(await runLintCheck(parameterDuplicate, baseSpec({
      paths: { '/users': { parameters: [q('page')], get: { parameters: [q('page'), { name: 'page', in: 'header', schema: { type: 'string' } }], ...ok } } },
    }))).toEqual([]);
  });
});
