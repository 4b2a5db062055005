import { describe, expect, it } from 'vitest';
import { tagDescriptionMissing } from './tag-description-missing.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.tag-description-missing', () => {
  it('fires on a tag without a description', async () => {
    expect(await runLintCheck(tagDescriptionMissing, baseSpec({ tags: [{ name: 'users', description: 'People.' }, { name: 'teams' }] }))).toEqual([
      expect.objectContaining({ pointer: '/tags/1', detail: "Tag 'teams' has no description." }),
    ]);
  });

  it('stays silent when every tag is described', async () => {
    expect(await runLintCheck(tagDescriptionMissing, baseSpec({ tags: [{ name: 'users', description: 'People.' }] }))).toEqual([]);
  });
});
