import { defineCheck } from '../define.js';
import { templateNames } from './path-segments.js';

export const pathParameterUndeclared = defineCheck({
  id: 'lint.path-parameter-undeclared',
  cause: 'bad-urls',
  kind: 'lint',
  severity: 'high',
  summary: 'Path template and declared path parameters do not match',
  explanation:
    'A `{param}` in the path with no matching path parameter leaves clients no way to fill it in: generated SDKs send the literal text `{param}` or fail to build, and requests land on 404. A declared path parameter that is not in the template is never sent, so the operation is called with the wrong URL.',
  remedy: 'Declare every template variable as an `in: path`, `required: true` parameter with the exact same name (case matters), and remove or rename path parameters that the template does not contain.',
  *run({ spec }) {
    const reported = new Set<string>();
    for (const op of spec.operations) {
      const inTemplate = new Set(templateNames(op.path));
      const declared = op.parameters.filter((p) => p.in === 'path');
      const declaredNames = new Set(declared.map((p) => p.name));
      const undeclared = [...inTemplate].filter((name) => !declaredNames.has(name));
      if (undeclared.length > 0) {
        yield {
          operation: op.key,
          pointer: op.pointer,
          detail: `${op.key}: ${undeclared.map((n) => `{${n}}`).join(', ')} in the path ${undeclared.length > 1 ? 'have' : 'has'} no path parameter declared.`,
        };
      }
      for (const param of declared) {
        // A path-level parameter is shared by every method of the path: report it once.
        if (inTemplate.has(param.name) || reported.has(param.pointer)) continue;
        reported.add(param.pointer);
        yield { operation: op.key, pointer: param.pointer, detail: `${op.key}: path parameter '${param.name}' is declared but the path has no {${param.name}}.` };
      }
    }
  },
});
