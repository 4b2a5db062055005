import { describe, expect, it } from 'vitest';
import { infoDescription } from './info-description.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.info-description', () => {
  it('fires once when info has no description', async () => {
    const drafts = await runLintCheck(infoDescription, baseSpec({ info: { title: 'Test API', version: '1.0.0' } }));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ operation: null, pointer: '/info' });
  });

  it('stays silent when info has a description', async () => {
    expect(await runLintCheck(infoDescription, baseSpec())).toEqual([]);
  });
});
