import { describe, expect, it } from 'vitest';
import { schemaKeywordInvalid } from './schema-keyword-invalid.js';
import { baseSpec, runLintCheck } from './run-lint-check.test-helper.js';

describe('lint.schema-keyword-invalid', () => {
  it('fires on an unknown type, inverted bounds, required: true and a broken pattern', async () => {
    const drafts = await runLintCheck(schemaKeywordInvalid, baseSpec({
      components: { schemas: { Order: { type: 'object', properties: {
        count: { type: 'int' },
        size: { type: 'integer', minimum: 10, maximum: 1 },
        name: { type: 'string', required: true },
        code: { type: 'string', pattern: '([a-z' },
      } } } },
    }));
    expect(drafts.map((d) => d.pointer)).toEqual(['count', 'size', 'name', 'code'].map((p) => `/components/schemas/Order/properties/${p}`));
    expect(drafts[0]!.detail).toContain('"int"');
    expect(drafts[2]!.detail).toContain('required is true');
  });

  it('stays silent on valid keywords, including null as a type in 3.1', async () => {
    expect(await runLintCheck(schemaKeywordInvalid, baseSpec({
      openapi: '3.1.0',
      components: { schemas: { Order: { type: 'object', required: ['code'], properties: { code: { type: ['string', 'null'], pattern: '^[a-z]+$', minLength: 1, maxLength: 5 } } } } },
    }))).toEqual([]);
  });
});
