import { describe, expect, it } from 'vitest';
import { pathNestingDepth } from './path-nesting-depth.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const op = (names: string[]) => ({
  get: { parameters: names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })), responses: { '200': { description: 'ok' } } },
});

describe('lint.path-nesting-depth', () => {
  it('reports a path with four path parameters', async () => {
    const drafts = await runLintCheck(pathNestingDepth, baseSpec({
      paths: { '/a/{a}/b/{b}/c/{c}/d/{d}': op(['a', 'b', 'c', 'd']) },
    }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: 'GET /a/{a}/b/{b}/c/{c}/d/{d}', pointer: '/paths/~1a~1{a}~1b~1{b}~1c~1{c}~1d~1{d}' });
  });

  it('reports a path with nine segments even with few parameters', async () => {
    const drafts = await runLintCheck(pathNestingDepth, baseSpec({ paths: { '/a/b/c/d/e/f/g/h/{i}': op(['i']) } }));
    expect(drafts).toHaveLength(1);
  });

  it('stays silent on three levels behind an /api/v1 prefix, counting {owner}/{repo} as one key', async () => {
    const drafts = await runLintCheck(pathNestingDepth, baseSpec({
      paths: {
        '/api/v1/orgs/{org}/teams/{team}/members/{member}': op(['org', 'team', 'member']),
        '/repos/{owner}/{repo}/pulls/{number}/comments/{id}': op(['owner', 'repo', 'number', 'id']),
      },
    }));
    expect(drafts).toEqual([]);
  });
});
