import { describe, expect, it } from 'vitest';
import { schemaKeywordUnsupported } from './schema-keyword-unsupported.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.schema-keyword-unsupported', () => {
  it('fires on a 3.1 type list in a 3.0 document and on nullable in a 3.1 one', async () => {
    const in30 = await runLintCheck(schemaKeywordUnsupported, baseSpec({ components: { schemas: { Name: { type: ['string', 'null'] } } } }));
    expect(in30).toEqual([expect.objectContaining({ pointer: '/components/schemas/Name' })]);
    const in31 = await runLintCheck(schemaKeywordUnsupported, baseSpec({ openapi: '3.1.0', components: { schemas: { Name: { type: 'string', nullable: true } } } }));
    expect(in31[0]!.detail).toContain("'nullable'");
  });

  it('stays silent when each version uses its own keywords', async () => {
    expect(await runLintCheck(schemaKeywordUnsupported, baseSpec({ components: { schemas: { Name: { type: 'string', nullable: true, exclusiveMinimum: true, minimum: 0 } } } }))).toEqual([]);
    expect(await runLintCheck(schemaKeywordUnsupported, baseSpec({ openapi: '3.1.0', components: { schemas: { Name: { type: ['string', 'null'], const: 'x' } } } }))).toEqual([]);
  });
});
