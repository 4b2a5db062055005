import { describe, expect, it } from 'vitest';
import { pathTemplateEmpty } from './path-template-empty.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const ok = { get: { responses: { '200': { description: 'ok' } } } };

describe('lint.path-template-empty', () => {
  it('fires on {} and on an unclosed brace', async () => {
    const drafts = await runLintCheck(pathTemplateEmpty, baseSpec({ paths: { '/users/{}': ok, '/teams/{id': ok } }));
    expect(drafts.map((d) => d.detail)).toEqual(["Path '/users/{}' has an empty {}.", "Path '/teams/{id' has unbalanced braces."]);
  });

  it('stays silent on named templates', async () => {
    expect(await runLintCheck(pathTemplateEmpty, baseSpec({ paths: { '/users/{id}/posts/{postId}': ok } }))).toEqual([]);
  });
});
