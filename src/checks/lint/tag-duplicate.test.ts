import { describe, expect, it } from 'vitest';
import { tagDuplicate } from './tag-duplicate.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.tag-duplicate', () => {
  it('fires on the second declaration of a tag', async () => {
    expect(await runLintCheck(tagDuplicate, baseSpec({ tags: [{ name: 'users' }, { name: 'teams' }, { name: 'users' }] }))).toEqual([expect.objectContaining({ pointer: '/tags/2' })]);
  });

  it('stays silent when tag names are unique', async () => {
    expect(await runLintCheck(tagDuplicate, baseSpec({ tags: [{ name: 'users' }, { name: 'teams' }] }))).toEqual([]);
  });
});
