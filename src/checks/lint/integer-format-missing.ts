import { defineCheck } from '../define.js';
import { requestSchemas, typesOf } from './schema-walk.js';

export const integerFormatMissing = defineCheck({
  id: 'lint.integer-format-missing',
  cause: 'poor-design-docs',
  kind: 'lint',
  severity: 'info',
  summary: 'An integer clients send does not say whether it is 32 or 64 bits',
  explanation:
    'Without `format: int32` or `int64`, generated clients pick a width: a Java or C# SDK may use a 32-bit int for an id the server hands out as 64 bits, and overflow once ids pass two billion; the server cannot rely on a range either.',
  remedy: 'Add `format: int32` or `format: int64` to every integer (or bound it with `minimum`/`maximum`, which also says its width).',
  *run({ spec }) {
    for (const site of requestSchemas(spec)) {
      const { schema } = site;
      if (!typesOf(schema).includes('integer') || schema['format'] !== undefined || schema['enum'] !== undefined) continue;
      if (typeof schema['maximum'] === 'number' && typeof schema['minimum'] === 'number') continue;
      yield { operation: site.operation.key, pointer: site.pointer, detail: `An integer in the ${site.where} of ${site.operation.key} has no format (int32 or int64).` };
    }
  },
});
