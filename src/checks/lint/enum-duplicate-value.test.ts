import { describe, expect, it } from 'vitest';
import { enumDuplicateValue } from './enum-duplicate-value.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.enum-duplicate-value', () => {
  it('fires on a value listed twice and names it', async () => {
    const drafts = await runLintCheck(enumDuplicateValue, baseSpec({ components: { schemas: { State: { type: 'string', enum: ['open', 'closed', 'open'] } } } }));
    expect(drafts).toEqual([expect.objectContaining({ pointer: '/components/schemas/State/enum', detail: 'Enum repeats "open".' })]);
  });

  it('stays silent when every value is unique', async () => {
    expect(await runLintCheck(enumDuplicateValue, baseSpec({ components: { schemas: { State: { type: 'string', enum: ['open', 'closed'] } } } }))).toEqual([]);
  });
});
