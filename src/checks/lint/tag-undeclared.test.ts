import { describe, expect, it } from 'vitest';
import { tagUndeclared } from './tag-undeclared.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { responses: { '200': { description: 'ok' } } };

describe('lint.tag-undeclared', () => {
  it('fires once per undeclared tag, at its first use', async () => {
    const drafts = await runLintCheck(tagUndeclared, baseSpec({
      tags: [{ name: 'users' }],
      paths: {
        '/users': { get: { tags: ['users', 'usres'], ...ok } },
        '/users/{id}': { get: { tags: ['usres'], ...ok } },
      },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /users', pointer: '/paths/~1users/get/tags/1' });
    expect(drafts[0]!.detail).toContain('2 operation(s)');
  });

  it('stays silent when the document declares no top-level tags', async () => {
    expect(await runLintCheck(tagUndeclared, baseSpec({ paths: { '/users': { get: { tags: ['anything'], ...ok } } } }))).toEqual([]);
  });

  it('stays silent when every used tag is declared', async () => {
    expect(await runLintCheck(tagUndeclared, baseSpec({ tags: [{ name: 'users' }], paths: { '/users': { get: { tags: ['users'], ...ok } } } }))).toEqual([]);
  });
});
