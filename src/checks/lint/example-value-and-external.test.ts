import { describe, expect, it } from 'vitest';
import { exampleValueAndExternal } from './example-value-and-external.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

const withExamples = (examples: unknown) => baseSpec({
  paths: { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, examples } } } } } } },
});

describe('lint.example-value-and-external', () => {
  it('fires on an example with both value and externalValue, and on an empty one', async () => {
    const drafts = await runLintCheck(exampleValueAndExternal, withExamples({ one: { value: {}, externalValue: 'https://x.example/a.json' }, two: { summary: 'nothing' } }));
    expect(drafts.map((d) => d.detail).sort()).toEqual(["Example 'one' has both value and externalValue.", "Example 'two' has neither value nor externalValue."]);
  });

  it('stays silent on examples with exactly one of the two', async () => {
    expect(await runLintCheck(exampleValueAndExternal, withExamples({ one: { value: {} }, two: { externalValue: 'https://x.example/a.json' } }))).toEqual([]);
  });
});
